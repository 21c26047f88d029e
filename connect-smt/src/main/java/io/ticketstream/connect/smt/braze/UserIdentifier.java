package io.ticketstream.connect.smt.braze;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.connect.smt.util.FieldPath;

/**
 * How a Braze object names its user: one of Braze's identifier kinds, read from a field of the record.
 * Shared by every Braze transform, so the keys are the same in each: {@value #TYPE_CONFIG},
 * {@value #FIELD_CONFIG}, {@value #ALIAS_LABEL_CONFIG}.
 */
public final class UserIdentifier {

    public static final String TYPE_CONFIG = "user.id.type";
    public static final String TYPE_DEFAULT = "external_id";
    private static final String TYPE_DOC = "Which Braze identifier names the user: external_id, user_alias, email, phone "
            + "or braze_id. For user_alias the field gives alias_name and " + "user.alias.label gives alias_label.";

    public static final String FIELD_CONFIG = "user.id.field";
    private static final String FIELD_DOC = "Field (dotted path for nested fields) holding the user identifier, "
            + "e.g. customer_ref. A record whose identifier is null or empty fails (and goes to the dead-letter "
            + "queue when errors.tolerance=all): Braze cannot place it.";

    public static final String ALIAS_LABEL_CONFIG = "user.alias.label";
    private static final String ALIAS_LABEL_DOC = "The alias_label of user_alias identifiers (required when "
            + TYPE_CONFIG + "=user_alias).";

    public static final String ALIAS_NAME = "alias_name";
    public static final String ALIAS_LABEL = "alias_label";

    /** Braze's identifier kinds; the name is the key Braze expects in the object. */
    public enum Type {
        EXTERNAL_ID, USER_ALIAS, EMAIL, PHONE, BRAZE_ID;

        private final String key = name().toLowerCase(Locale.ROOT);

        public String key() {
            return key;
        }

        public static Type parse(String configName, String text) {
            for (Type type : values()) {
                if (type.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return type;
                }
            }
            throw new ConfigException(configName, text, "must be one of "
                    + Arrays.stream(values()).map(Type::key).collect(Collectors.joining(", ")));
        }
    }

    private static final Schema ALIAS_SCHEMA = SchemaBuilder.struct().name("io.ticketstream.braze.UserAlias")
            .field(ALIAS_NAME, Schema.STRING_SCHEMA)
            .field(ALIAS_LABEL, Schema.STRING_SCHEMA)
            .build();

    private final Type type;
    private final FieldPath field;
    private final String aliasLabel;

    private UserIdentifier(Type type, FieldPath field, String aliasLabel) {
        this.type = type;
        this.field = field;
        this.aliasLabel = aliasLabel;
    }

    /** Adds the identifier keys to a transform's ConfigDef. */
    public static ConfigDef define(ConfigDef def) {
        return def
                .define(TYPE_CONFIG, ConfigDef.Type.STRING, TYPE_DEFAULT,
                        ConfigDef.ValidString.in("external_id", "user_alias", "email", "phone", "braze_id"),
                        ConfigDef.Importance.HIGH, TYPE_DOC)
                .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH, FIELD_DOC)
                .define(ALIAS_LABEL_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, ALIAS_LABEL_DOC);
    }

    public static UserIdentifier from(AbstractConfig config) {
        Type type = Type.parse(TYPE_CONFIG, config.getString(TYPE_CONFIG));
        FieldPath field = FieldPath.parse(FIELD_CONFIG, config.getString(FIELD_CONFIG));
        String label = config.getString(ALIAS_LABEL_CONFIG);
        if (type == Type.USER_ALIAS && (label == null || label.isBlank())) {
            throw new ConfigException(ALIAS_LABEL_CONFIG, label, "is required when " + TYPE_CONFIG + "=user_alias");
        }
        return new UserIdentifier(type, field, label == null ? null : label.trim());
    }

    public FieldPath field() {
        return field;
    }

    /** The key of the identifier in the Braze object (external_id, user_alias, ...). */
    public String key() {
        return type.key();
    }

    public Schema schema() {
        return type == Type.USER_ALIAS ? ALIAS_SCHEMA : Schema.STRING_SCHEMA;
    }

    /** The identifier value for a Struct output (a String, or a UserAlias struct). */
    public Object forStruct(Object raw) {
        String id = text(raw);
        return type == Type.USER_ALIAS ? new Struct(ALIAS_SCHEMA).put(ALIAS_NAME, id).put(ALIAS_LABEL, aliasLabel) : id;
    }

    /** The identifier value for a schemaless output (a String, or a map with alias_name/alias_label). */
    public Object forMap(Object raw) {
        String id = text(raw);
        if (type != Type.USER_ALIAS) {
            return id;
        }
        Map<String, Object> alias = new LinkedHashMap<>(4);
        alias.put(ALIAS_NAME, id);
        alias.put(ALIAS_LABEL, aliasLabel);
        return alias;
    }

    private String text(Object raw) {
        if (raw instanceof CharSequence || raw instanceof Number) {
            String id = raw.toString();
            if (!id.isBlank()) {
                return id;
            }
        }
        throw new DataException("Field '" + field + "' (the " + type.key() + " identifier) is "
                + BrazeFormats.describe(raw) + ": Braze needs a non-empty text or number to name the user");
    }
}
