package io.ticketstream.connect.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schema and generic datum to Connect schema and value.
 *
 * <p>Mapping: record → struct (named by the record's full name), {@code ["null", X]} → optional X,
 * enum → string (parameters {@value #ENUM_PARAMETER} and {@value #ENUM_SYMBOLS_PARAMETER}), array → array,
 * map → map with string keys, bytes/fixed → bytes, {@code decimal} → Connect Decimal with the same scale
 * (precision in {@value #DECIMAL_PRECISION_PARAMETER}), {@code timestamp-millis} → Timestamp,
 * {@code date} → Date, {@code time-millis} → Time; other logical types read as their underlying type,
 * as Avro's own rule for unknown logical types says. Values are Avro's raw generic values
 * (decoded without logical-type conversions).
 */
final class AvroToConnect {

    static final String ENUM_PARAMETER = "io.ticketstream.avro.enum";
    static final String ENUM_SYMBOLS_PARAMETER = "io.ticketstream.avro.enum.symbols";
    /** The parameter name Confluent's converter uses, which sinks (JDBC, Snowflake) already read. */
    static final String DECIMAL_PRECISION_PARAMETER = "connect.decimal.precision";

    private AvroToConnect() {
    }

    /** The Connect schema of a top-level record; {@code version} becomes the Connect schema version. */
    static Schema schemaOf(org.apache.avro.Schema record, int version) {
        SchemaBuilder builder = structBuilder(record, "");
        return builder.version(version).build();
    }

    private static Schema schemaOf(org.apache.avro.Schema avro, String path) {
        org.apache.avro.Schema optional = AvroSchemas.optionalBranch(avro, path);
        if (optional != null) {
            return builderOf(optional, path).optional().build();
        }
        return builderOf(avro, path).build();
    }

    private static SchemaBuilder builderOf(org.apache.avro.Schema avro, String path) {
        if (AvroSchemas.is(avro, LogicalTypes.Decimal.class)) {
            LogicalTypes.Decimal decimal = AvroSchemas.decimal(avro);
            return Decimal.builder(decimal.getScale())
                    .parameter(DECIMAL_PRECISION_PARAMETER, Integer.toString(decimal.getPrecision()));
        }
        if (AvroSchemas.is(avro, LogicalTypes.TimestampMillis.class)) {
            return Timestamp.builder();
        }
        if (AvroSchemas.is(avro, LogicalTypes.Date.class)) {
            return Date.builder();
        }
        if (AvroSchemas.is(avro, LogicalTypes.TimeMillis.class)) {
            return Time.builder();
        }
        switch (avro.getType()) {
            case RECORD:
                return structBuilder(avro, path);
            case ENUM:
                return SchemaBuilder.string().parameter(ENUM_PARAMETER, avro.getFullName())
                        .parameter(ENUM_SYMBOLS_PARAMETER, String.join(",", avro.getEnumSymbols()));
            case ARRAY:
                return SchemaBuilder.array(schemaOf(avro.getElementType(), path + "[]"));
            case MAP:
                return SchemaBuilder.map(Schema.STRING_SCHEMA, schemaOf(avro.getValueType(), path + "{}"));
            case STRING:
                return SchemaBuilder.string();
            case BOOLEAN:
                return SchemaBuilder.bool();
            case INT:
                return SchemaBuilder.int32();
            case LONG:
                return SchemaBuilder.int64();
            case FLOAT:
                return SchemaBuilder.float32();
            case DOUBLE:
                return SchemaBuilder.float64();
            case BYTES:
            case FIXED:
                return SchemaBuilder.bytes();
            default:
                throw new DataException("field '" + path + "': Avro type " + avro + " has no Connect equivalent");
        }
    }

    private static SchemaBuilder structBuilder(org.apache.avro.Schema record, String path) {
        SchemaBuilder builder = SchemaBuilder.struct().name(record.getFullName());
        if (record.getDoc() != null) {
            builder.doc(record.getDoc());
        }
        for (org.apache.avro.Schema.Field field : record.getFields()) {
            builder.field(field.name(), schemaOf(field.schema(), AvroSchemas.child(path, field.name())));
        }
        return builder;
    }

    /** The Connect value of a decoded record, shaped by the Connect schema {@link #schemaOf} made for it. */
    static Struct valueOf(GenericRecord record, Schema schema) {
        return struct(record, schema, "");
    }

    private static Struct struct(GenericRecord record, Schema schema, String path) {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
            org.apache.avro.Schema.Field avroField = record.getSchema().getField(field.name());
            String fieldPath = AvroSchemas.child(path, field.name());
            struct.put(field, value(record.get(avroField.pos()), avroField.schema(), field.schema(), fieldPath));
        }
        return struct;
    }

    private static Object value(Object datum, org.apache.avro.Schema avro, Schema schema, String path) {
        if (datum == null) {
            return null;
        }
        org.apache.avro.Schema optional = AvroSchemas.optionalBranch(avro, path);
        if (optional != null) {
            avro = optional;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return Decimal.toLogical(schema, bytesOf(datum));
        }
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return Timestamp.toLogical(schema, (Long) datum);
        }
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return Date.toLogical(schema, (Integer) datum);
        }
        if (Time.LOGICAL_NAME.equals(schema.name())) {
            return Time.toLogical(schema, (Integer) datum);
        }
        switch (avro.getType()) {
            case RECORD:
                return struct((GenericRecord) datum, schema, path);
            case ENUM:
                return ((GenericEnumSymbol<?>) datum).toString();
            case STRING:
                return datum.toString(); // Avro's Utf8 is a CharSequence, Connect wants String
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) datum) {
                    list.add(value(element, avro.getElementType(), schema.valueSchema(), path + "[]"));
                }
                return list;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
                    map.put(entry.getKey().toString(),
                            value(entry.getValue(), avro.getValueType(), schema.valueSchema(), path + "{}"));
                }
                return map;
            }
            case BYTES:
            case FIXED:
                return bytesOf(datum);
            default:
                return datum; // boolean, int, long, float, double: same Java types in both
        }
    }

    private static byte[] bytesOf(Object datum) {
        if (datum instanceof GenericFixed fixed) {
            return fixed.bytes().clone();
        }
        ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
