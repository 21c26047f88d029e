package io.ticketstream.connect.smt.hash;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Replaces chosen fields with the lower-case hex SHA-256 of {@code salt + normalised value} (UTF-8), for
 * copies of data that must not carry raw e-mail addresses or phone numbers but must still join on them.
 * The salt is a PASSWORD key: give it through a config provider ({@code ${file:...}} / {@code ${env:...}});
 * Connect never logs or returns it. The same digest in SQL: {@code sha2(salt || lower(trim(email)), 256)}.
 */
public abstract class HashField<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Replaces fields with the hex SHA-256 of salt + normalised value, for "
            + "copies of data that must not carry raw e-mail addresses or phone numbers. Null stays null; numbers are "
            + "hashed as their decimal text; the field's schema becomes string."
            + "<p/>Use the concrete transformation type designed for the record key (<code>"
            + HashField.class.getName() + "$Key</code>) or value (<code>" + HashField.class.getName() + "$Value</code>).";

    public interface ConfigName {
        String FIELDS = "fields";
        String SALT = "salt";
        String NORMALIZATION = "normalization";
    }

    private static final String FIELDS_DOC = "Fields to hash (dotted paths reach nested fields), e.g. email,customer.email.";
    private static final String SALT_DOC = "Secret salt put before the value. Give it through a config provider "
            + "(${file:/etc/kafka/secrets.properties:hash.salt}); it is never logged nor shown by the REST API. "
            + "Change it and every hash changes.";
    public static final String NORMALIZATION_DEFAULT = "none";
    private static final String NORMALIZATION_DOC = "Applied before hashing: 'none'; 'trim' (strip white space); "
            + "'trim_lowercase' (trim, then lower-case: use it for e-mail addresses, so Ada@X.com and ada@x.com match). "
            + "For several normalisations, chain two HashField transforms.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.FIELDS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH, FIELDS_DOC)
            .define(ConfigName.SALT, ConfigDef.Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH, SALT_DOC)
            .define(ConfigName.NORMALIZATION, ConfigDef.Type.STRING, NORMALIZATION_DEFAULT,
                    ConfigDef.ValidString.in("none", "trim", "trim_lowercase"), ConfigDef.Importance.MEDIUM,
                    NORMALIZATION_DOC);

    private static final String PURPOSE = "hashing fields";

    private PathTree paths;
    private byte[] salt;
    private Normalization normalization;
    private MessageDigest digest;
    private SchemaCache<Schema, Schema> schemas;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        List<String> fields = config.getList(ConfigName.FIELDS);
        if (fields.isEmpty()) {
            throw new ConfigException(ConfigName.FIELDS, "", "list at least one field to hash");
        }
        paths = new PathTree();
        for (String field : fields) {
            paths.add(FieldPath.parse(ConfigName.FIELDS, field), field);
        }
        Password password = config.getPassword(ConfigName.SALT);
        if (password == null || password.value().isEmpty()) {
            // The value is hidden on purpose: this message may be logged and shown by the REST API.
            throw new ConfigException(ConfigName.SALT, Password.HIDDEN, "an empty salt makes the hashes of "
                    + "e-mail addresses reversible by a dictionary; give a secret through a config provider");
        }
        salt = password.value().getBytes(StandardCharsets.UTF_8);
        normalization = Normalization.parse(config.getString(ConfigName.NORMALIZATION));
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException("SHA-256 is not available in this JVM: " + e.getMessage());
        }
        schemas = new SchemaCache<>(16, this::hashedSchema);
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        if (value == null) {
            return record;
        }
        if (operatingSchema(record) == null) {
            return newRecord(record, null, hashMap(requireMap(value, PURPOSE), paths, ""));
        }
        Struct struct = requireStruct(value, PURPOSE);
        Schema updated = schemas.get(struct.schema());
        return newRecord(record, updated, hashStruct(struct, updated, paths, ""));
    }

    /** The lower-case hex SHA-256 of salt + normalised text. Visible for the docs' SQL equivalence test. */
    String hash(String prefix, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof CharSequence || value instanceof Number)) {
            throw new DataException("Field '" + prefix + "': " + value.getClass().getSimpleName()
                    + " values cannot be hashed (only text and numbers)");
        }
        byte[] bytes = normalization.apply(value.toString()).getBytes(StandardCharsets.UTF_8);
        // One digest per transform instance: Connect calls a transformation from its task's thread only,
        // the lock only guards against a caller that shares an instance.
        synchronized (digest) {
            digest.reset();
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(bytes));
        }
    }

    private Schema hashedSchema(Schema schema) {
        return hashedSchema(schema, paths, "");
    }

    private Schema hashedSchema(Schema schema, PathTree tree, String prefix) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Field '" + prefix + "' is of type " + schema.type() + ", not a struct, so "
                    + tree.names() + " cannot be hashed in it");
        }
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (String name : tree.names()) {
            if (schema.field(name) == null) {
                throw new DataException("Field '" + prefix + name + "' (" + ConfigName.FIELDS + ") is not in schema "
                        + schema.name() + " (fields: " + schema.fields().stream().map(Field::name).toList() + ")");
            }
        }
        for (Field field : schema.fields()) {
            PathTree child = tree.child(field.name());
            Schema fieldSchema = field.schema();
            if (child == null) {
                builder.field(field.name(), fieldSchema);
            } else if (child.isLeaf()) {
                checkHashable(prefix + field.name(), fieldSchema);
                builder.field(field.name(), fieldSchema.isOptional() ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
            } else {
                Schema nested = hashedSchema(fieldSchema, child, prefix + field.name() + ".");
                builder.field(field.name(), nested);
            }
        }
        return schema.isOptional() ? builder.optional().build() : builder.build();
    }

    private static void checkHashable(String path, Schema schema) {
        switch (schema.type()) {
            case STRING:
            case INT8:
            case INT16:
            case INT32:
            case INT64:
                if (schema.name() == null || schema.type() == Schema.Type.STRING) {
                    return;
                }
                break;
            default:
                break;
        }
        throw new DataException("Field '" + path + "' (" + ConfigName.FIELDS + ") is of type "
                + (schema.name() == null ? schema.type() : schema.name()) + ": only text and integers can be hashed");
    }

    private Struct hashStruct(Struct value, Schema updated, PathTree tree, String prefix) {
        Struct out = new Struct(updated);
        for (Field field : value.schema().fields()) {
            Object v = value.get(field);
            PathTree child = tree.child(field.name());
            if (child == null) {
                out.put(field.name(), v);
            } else if (child.isLeaf()) {
                out.put(field.name(), hash(prefix + field.name(), v));
            } else if (v != null) {
                out.put(field.name(), hashStruct((Struct) v, updated.field(field.name()).schema(), child,
                        prefix + field.name() + "."));
            }
        }
        return out;
    }

    private Map<String, Object> hashMap(Map<String, Object> value, PathTree tree, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>(value);
        for (String name : tree.names()) {
            if (!value.containsKey(name)) {
                continue;
            }
            Object v = value.get(name);
            PathTree child = tree.child(name);
            if (child.isLeaf()) {
                out.put(name, hash(prefix + name, v));
            } else if (v != null) {
                if (!(v instanceof Map)) {
                    throw new DataException("Field '" + prefix + name + "' is a " + v.getClass().getSimpleName()
                            + ", not a map, so " + child.names() + " cannot be hashed in it");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) v;
                out.put(name, hashMap(nested, child, prefix + name + "."));
            }
        }
        return out;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        schemas = null;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Hashes fields of the record key. */
    public static class Key<R extends ConnectRecord<R>> extends HashField<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withKey(record, updatedSchema, updatedValue);
        }
    }

    /** Hashes fields of the record value. */
    public static class Value<R extends ConnectRecord<R>> extends HashField<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withValue(record, updatedSchema, updatedValue);
        }
    }
}
