package io.ticketstream.connect.smt.landing;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.DecimalFormat;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Shapes a record into one flat row for a history-keeping (append-only) landing table, as a JDBC sink writes it:
 * the record key as text and a delete marker are added, nested records, arrays and maps become JSON text (the sink
 * cannot write them into a column), every other field stays as it is. A tombstone (null value) becomes a row of
 * its own, the key plus the marker, instead of being skipped or deleting rows: the warehouse closes the deleted
 * entity's history with it. Kafka's {@code InsertField} adds the topic, partition, offset and timestamp.
 */
public abstract class LandingRow<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Shapes a record into one flat landing row: adds the record key as text and "
            + "a delete marker, writes nested records, arrays and maps as JSON text (Kafka's JsonConverter, decimals as "
            + "numbers, times as epoch milliseconds, dates as epoch days), keeps every other field. A tombstone becomes a "
            + "row with only the key and the marker set to true. Works with a schema (Struct) and without (Map).";

    public interface ConfigName {
        String KEY_FIELD = "key.field";
        String DELETED_FIELD = "deleted.field";
    }

    public static final String KEY_FIELD_DEFAULT = "record_key";
    public static final String DELETED_FIELD_DEFAULT = "record_deleted";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.KEY_FIELD, ConfigDef.Type.STRING, KEY_FIELD_DEFAULT, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, "Field for the record key as text (a struct or map key as JSON); null for a null key.")
            .define(ConfigName.DELETED_FIELD, ConfigDef.Type.STRING, DELETED_FIELD_DEFAULT, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, "Boolean field: true for the row of a tombstone, false otherwise.");

    private static final String PURPOSE = "shaping a landing row";

    private String keyField;
    private String deletedField;
    private JsonConverter json;
    private Schema tombstoneSchema;
    private SchemaCache<Schema, Schema> schemas;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        keyField = config.getString(ConfigName.KEY_FIELD);
        deletedField = config.getString(ConfigName.DELETED_FIELD);
        if (keyField.equals(deletedField)) {
            throw new ConfigException(ConfigName.DELETED_FIELD, deletedField, "must differ from " + ConfigName.KEY_FIELD);
        }
        json = new JsonConverter();
        json.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false,
                JsonConverterConfig.DECIMAL_FORMAT_CONFIG, DecimalFormat.NUMERIC.name(),
                ConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName()));
        tombstoneSchema = SchemaBuilder.struct().name("io.ticketstream.landing.Tombstone")
                .field(keyField, Schema.OPTIONAL_STRING_SCHEMA).field(deletedField, Schema.BOOLEAN_SCHEMA).build();
        schemas = new SchemaCache<>(16, this::rowSchema);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value == null) {
            Struct row = new Struct(tombstoneSchema).put(keyField, keyText(record)).put(deletedField, true);
            return Records.withValue(record, tombstoneSchema, row);
        }
        if (record.valueSchema() == null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(keyField, keyText(record));
            row.put(deletedField, false);
            requireMap(value, PURPOSE).forEach((name, v) -> row.put(name, v instanceof Map || v instanceof List
                    ? jsonText(record.topic(), null, v) : v));
            return Records.withValue(record, null, row);
        }
        Struct struct = requireStruct(value, PURPOSE);
        Schema rowSchema = schemas.get(struct.schema());
        Struct row = new Struct(rowSchema).put(keyField, keyText(record)).put(deletedField, false);
        for (Field field : struct.schema().fields()) {
            Object v = struct.get(field);
            row.put(field.name(), nested(field.schema()) ? jsonText(record.topic(), field.schema(), v) : v);
        }
        return Records.withValue(record, rowSchema, row);
    }

    private Schema rowSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        builder.field(keyField, Schema.OPTIONAL_STRING_SCHEMA).field(deletedField, Schema.BOOLEAN_SCHEMA);
        for (Field field : schema.fields()) {
            if (field.name().equals(keyField) || field.name().equals(deletedField)) {
                throw new org.apache.kafka.connect.errors.DataException("Field '" + field.name() + "' of " + schema.name()
                        + " collides with the landing row's " + (field.name().equals(keyField) ? ConfigName.KEY_FIELD
                        : ConfigName.DELETED_FIELD) + "; choose another name for it");
            }
            builder.field(field.name(), nested(field.schema()) ? Schema.OPTIONAL_STRING_SCHEMA : field.schema());
        }
        return builder.build();
    }

    private static boolean nested(Schema schema) {
        return schema.type() == Schema.Type.STRUCT || schema.type() == Schema.Type.ARRAY || schema.type() == Schema.Type.MAP;
    }

    private String keyText(R record) {
        Object key = record.key();
        if (key == null || key instanceof String || key instanceof Number || key instanceof Boolean) {
            return key == null ? null : key.toString();
        }
        return jsonText(record.topic(), record.keySchema(), key);
    }

    private String jsonText(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return new String(json.fromConnectData(topic, schema, value), StandardCharsets.UTF_8);
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
        if (json != null) {
            json.close();
        }
    }

    /** The transform for record values (a landing row is the value the sink writes). */
    public static final class Value<R extends ConnectRecord<R>> extends LandingRow<R> {
    }
}
