package io.ticketstream.connect.braze.record;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts Connect values (Struct with schema, or schemaless Map/List/primitives) into the JSON Braze
 * receives. Decimals stay exact; Connect's Date/Timestamp become Braze's date/ISO-8601 text. A null field of a
 * Struct is omitted (a schema cannot say "absent"), a null in a Map is kept (Braze: null removes).
 */
public final class ConnectJson {

    /** Exact decimals: a price of 42.50 is sent as 42.50, never 42.5000000001 or 4.25E1. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private ConnectJson() {
    }

    public static JsonNode toJson(Object value, Schema schema, String path) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema != null && schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return NODES.numberNode((BigDecimal) value);
                case Date.LOGICAL_NAME:
                    return NODES.textNode(DAY.format(((java.util.Date) value).toInstant()));
                case Time.LOGICAL_NAME:
                    return NODES.textNode(TIME.format(((java.util.Date) value).toInstant()));
                case Timestamp.LOGICAL_NAME:
                    return NODES.textNode(((java.util.Date) value).toInstant().toString());
                default:
                    break;
            }
        }
        if (value instanceof Struct struct) {
            ObjectNode node = NODES.objectNode();
            for (Field field : struct.schema().fields()) {
                Object fieldValue = struct.get(field);
                if (fieldValue != null) {
                    node.set(field.name(), toJson(fieldValue, field.schema(), path + "." + field.name()));
                }
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            Schema valueSchema = schema == null ? null : schema.valueSchema();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new BadRecordException(path, "map with a null key");
                }
                String key = entry.getKey().toString();
                node.set(key, toJson(entry.getValue(), valueSchema, path + "." + key));
            }
            return node;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            Schema elementSchema = schema == null ? null : schema.valueSchema();
            int i = 0;
            for (Object element : list) {
                array.add(toJson(element, elementSchema, path + "[" + i++ + "]"));
            }
            return array;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new BadRecordException(path, "not a finite number: " + d);
            }
            // shortest decimal text of the double, so 19.99 is sent as 19.99
            return NODES.numberNode(BigDecimal.valueOf(d));
        }
        if (value instanceof BigDecimal big) {
            return NODES.numberNode(big);
        }
        if (value instanceof java.util.Date date) {
            return NODES.textNode(date.toInstant().toString());
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            throw new BadRecordException(path, "bytes are not supported (Braze has no binary type)");
        }
        throw new BadRecordException(path, "unsupported value type " + value.getClass().getName());
    }
}
