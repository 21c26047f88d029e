package io.ticketstream.connect.converter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroTypeException;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect value to the Avro generic datum of a given (published) schema: the reverse of
 * {@link AvroToConnect}. Fields are matched by name; a field the Connect value lacks takes its Avro
 * default, and one without a default is an error naming the field.
 */
final class ConnectToAvro {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private ConnectToAvro() {
    }

    static GenericRecord recordOf(Struct struct, Schema record) {
        return record(struct, record, "");
    }

    private static GenericRecord record(Struct struct, Schema record, String path) {
        GenericData.Record result = new GenericData.Record(record);
        for (Schema.Field avroField : record.getFields()) {
            String fieldPath = AvroSchemas.child(path, avroField.name());
            Field field = struct.schema().field(avroField.name());
            if (field == null) {
                if (!avroField.hasDefaultValue()) {
                    throw new DataException("field '" + fieldPath + "' is required by " + record.getFullName()
                            + " but the Connect value has no such field");
                }
                result.put(avroField.pos(), GenericData.get().getDefaultValue(avroField));
            } else {
                result.put(avroField.pos(), datum(struct.get(field), avroField.schema(), fieldPath));
            }
        }
        return result;
    }

    private static Object datum(Object value, Schema avro, String path) {
        Schema optional = AvroSchemas.optionalBranch(avro, path);
        if (value == null) {
            if (optional == null && avro.getType() != Schema.Type.NULL) {
                throw new DataException("field '" + path + "' is null, but " + avro + " does not allow null");
            }
            return null;
        }
        if (optional != null) {
            avro = optional;
        }
        try {
            return nonNullDatum(value, avro, path);
        } catch (ClassCastException e) {
            throw new DataException("field '" + path + "': a " + value.getClass().getSimpleName() + " value ('" + value
                    + "') cannot be written as Avro " + avro, e);
        }
    }

    private static Object nonNullDatum(Object value, Schema avro, String path) {
        if (AvroSchemas.is(avro, LogicalTypes.Decimal.class)) {
            return decimal((BigDecimal) value, avro, path);
        }
        if (AvroSchemas.is(avro, LogicalTypes.TimestampMillis.class) && value instanceof java.util.Date date) {
            return date.getTime();
        }
        if (AvroSchemas.is(avro, LogicalTypes.Date.class) && value instanceof java.util.Date date) {
            return org.apache.kafka.connect.data.Date.fromLogical(org.apache.kafka.connect.data.Date.SCHEMA, date);
        }
        if (AvroSchemas.is(avro, LogicalTypes.TimeMillis.class) && value instanceof java.util.Date date) {
            return org.apache.kafka.connect.data.Time.fromLogical(org.apache.kafka.connect.data.Time.SCHEMA, date);
        }
        switch (avro.getType()) {
            case RECORD:
                return record((Struct) value, avro, path);
            case ENUM: {
                String symbol = value.toString();
                if (!avro.hasEnumSymbol(symbol)) {
                    throw new DataException("field '" + path + "': '" + symbol + "' is not a symbol of "
                            + avro.getFullName() + " " + avro.getEnumSymbols());
                }
                return new GenericData.EnumSymbol(avro, symbol);
            }
            case STRING:
                return (String) value;
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    list.add(datum(element, avro.getElementType(), path + "[]"));
                }
                return new GenericData.Array<>(avro, list);
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    map.put(entry.getKey().toString(), datum(entry.getValue(), avro.getValueType(), path + "{}"));
                }
                return map;
            }
            case BYTES:
                return value instanceof ByteBuffer buffer ? buffer : ByteBuffer.wrap((byte[]) value);
            case FIXED:
                return new GenericData.Fixed(avro, value instanceof ByteBuffer buffer ? bytes(buffer) : (byte[]) value);
            case INT:
                return ((Number) integral(value, path)).intValue();
            case LONG:
                return ((Number) integral(value, path)).longValue();
            case FLOAT:
                return ((Number) value).floatValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case BOOLEAN:
                return (Boolean) value;
            default:
                throw new DataException("field '" + path + "': Avro type " + avro + " is not supported");
        }
    }

    /** Exact conversion to the schema's scale; Avro checks the precision. */
    private static ByteBuffer decimal(BigDecimal value, Schema avro, String path) {
        LogicalTypes.Decimal decimal = AvroSchemas.decimal(avro);
        try {
            BigDecimal scaled = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
            return DECIMALS.toBytes(scaled, avro, decimal);
        } catch (ArithmeticException | AvroTypeException e) {
            throw new DataException("field '" + path + "': " + value.toPlainString() + " does not fit decimal("
                    + decimal.getPrecision() + "," + decimal.getScale() + ") without rounding", e);
        }
    }

    private static Object integral(Object value, String path) {
        if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
            throw new DataException("field '" + path + "': " + value + " is not an integer");
        }
        return value;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
