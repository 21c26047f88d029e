package io.ticketstream.streams.normalize.mapping;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.streams.normalize.ErrorKind;

/**
 * How a source value becomes a {@link io.ticketstream.streams.normalize.NormalizedRow} value. Each cast is
 * strict: a value of the wrong JSON type is an error, never coerced, so a source change shows up in the
 * dead-letter queue instead of as quietly wrong data.
 *
 * <p>MongoDB values arrive as Extended JSON ({@code {"$numberLong":"7"}}, {@code {"$date":…}},
 * {@code {"$oid":…}}, {@code {"$numberDecimal":"…"}}); the numeric casts accept those wrappers from any
 * source, since no relational row has a column named {@code $numberLong}.
 */
public enum Cast {
    /** JSON string to String. */
    STRING("string") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return requireText(v, "a string");
        }
    },
    /** JSON string, checked against the field's {@code allowed} list. */
    ENUM("enum") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return requireText(v, "a string");
        }
    },
    /** Integral JSON number, {@code $numberLong} or {@code $numberInt} to Long. */
    LONG("long") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return integral(v);
        }
    },
    /** As {@link #LONG}, within the int range, to Integer. */
    INT("int") {
        @Override
        Object apply(JsonNode v) throws CastException {
            long value = integral(v);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new CastException(ErrorKind.BAD_NUMBER, "out of int range");
            }
            return (int) value;
        }
    },
    /** JSON boolean to Boolean. */
    BOOLEAN("boolean") {
        @Override
        Object apply(JsonNode v) throws CastException {
            if (!v.isBoolean()) {
                throw wrongType(v, "a boolean");
            }
            return v.booleanValue();
        }
    },
    /**
     * Decimal text (Debezium's {@code decimal.handling.mode=string}), a JSON number (read exactly, never
     * through double) or {@code $numberDecimal} to BigDecimal, keeping the source's scale.
     */
    DECIMAL("decimal") {
        @Override
        Object apply(JsonNode v) throws CastException {
            JsonNode value = unwrap(v, "$numberDecimal", "$numberLong", "$numberInt");
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (!value.isTextual()) {
                throw wrongType(v, "a decimal string or number");
            }
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw new CastException(ErrorKind.BAD_DECIMAL, "not a decimal number");
            }
        }
    },
    /** Integral epoch milliseconds (SQL Server datetime2 under {@code time.precision.mode=connect}). */
    EPOCH_MILLIS("epoch_millis") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return epoch(v, 1);
        }
    },
    /** Integral epoch microseconds to epoch milliseconds (sub-millisecond part floored). */
    EPOCH_MICROS("epoch_micros") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return epoch(v, 1_000);
        }
    },
    /** Integral epoch nanoseconds to epoch milliseconds (sub-millisecond part floored). */
    EPOCH_NANOS("epoch_nanos") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return epoch(v, 1_000_000);
        }
    },
    /** ISO-8601 date-time with offset or Z (PostgreSQL timestamptz under Debezium) to epoch milliseconds. */
    ISO8601("iso8601") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return isoMillis(requireText(v, "an ISO-8601 timestamp string"));
        }
    },
    /** MongoDB {@code {"$date": millis | "ISO-8601" | {"$numberLong": "…"}}} to epoch milliseconds. */
    MONGO_DATE("mongo_date") {
        @Override
        Object apply(JsonNode v) throws CastException {
            return mongoDateMillis(v);
        }
    },
    /** Epoch days (int), an ISO date {@code yyyy-MM-dd} or a MongoDB {@code $date} (UTC day) to epoch days. */
    DATE("date") {
        @Override
        Object apply(JsonNode v) throws CastException {
            if (v.isIntegralNumber()) {
                return (Integer) INT.apply(v);
            }
            if (v.isTextual()) {
                try {
                    return Math.toIntExact(LocalDate.parse(v.textValue()).toEpochDay());
                } catch (DateTimeException | ArithmeticException e) {
                    throw new CastException(ErrorKind.BAD_DATE, "not an ISO date (yyyy-MM-dd)");
                }
            }
            if (v.isObject() && v.has("$date")) {
                return Math.toIntExact(Math.floorDiv(mongoDateMillis(v), 86_400_000L));
            }
            throw wrongType(v, "epoch days, an ISO date string or {\"$date\":…}");
        }
    },
    /** MongoDB {@code {"$oid": "<24 hex>"}} (or a plain string id) to the id as String. */
    OBJECT_ID("object_id") {
        @Override
        Object apply(JsonNode v) throws CastException {
            if (v.isTextual()) {
                return v.textValue();
            }
            if (!v.isObject() || !v.has("$oid")) {
                throw wrongType(v, "{\"$oid\": \"…\"} or a string id");
            }
            JsonNode oid = v.get("$oid");
            if (!oid.isTextual() || !OBJECT_ID_HEX.matcher(oid.textValue()).matches()) {
                throw new CastException(ErrorKind.BAD_EXTENDED_JSON, "$oid is not 24 hexadecimal digits");
            }
            return oid.textValue().toLowerCase(java.util.Locale.ROOT);
        }
    },
    /** JSON array of strings to an unmodifiable List of String. */
    STRING_LIST("string_list") {
        @Override
        Object apply(JsonNode v) throws CastException {
            if (!v.isArray()) {
                throw wrongType(v, "an array of strings");
            }
            List<String> out = new ArrayList<>(v.size());
            for (JsonNode element : v) {
                if (!element.isTextual()) {
                    throw new CastException(ErrorKind.WRONG_TYPE, "array element is " + typeOf(element) + ", expected a string");
                }
                out.add(element.textValue());
            }
            return Collections.unmodifiableList(out);
        }
    };

    private static final Pattern OBJECT_ID_HEX = Pattern.compile("[0-9a-fA-F]{24}");

    private final String id;

    Cast(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Converts a non-null source value; null handling is the caller's (required fields). */
    public Object convert(JsonNode value) throws CastException {
        return apply(value);
    }

    abstract Object apply(JsonNode value) throws CastException;

    /** Casts whose result can serve as (part of) a row key. */
    public boolean usableAsKey() {
        return this == STRING || this == LONG || this == INT || this == OBJECT_ID;
    }

    public static Cast parse(String text) {
        for (Cast cast : values()) {
            if (cast.id.equals(text)) {
                return cast;
            }
        }
        throw new IllegalArgumentException("unknown cast '" + text + "' (valid: " + validNames() + ")");
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Cast::id).collect(Collectors.joining(", "));
    }

    private static String requireText(JsonNode v, String expected) throws CastException {
        if (!v.isTextual()) {
            throw wrongType(v, expected);
        }
        return v.textValue();
    }

    private static long integral(JsonNode v) throws CastException {
        JsonNode value = unwrap(v, "$numberLong", "$numberInt");
        if (value.isTextual() && value != v) {
            try {
                return Long.parseLong(value.textValue());
            } catch (NumberFormatException e) {
                throw new CastException(ErrorKind.BAD_EXTENDED_JSON, "Extended JSON number is not an integer");
            }
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(v, "an integer");
        }
        if (!value.canConvertToLong()) {
            throw new CastException(ErrorKind.BAD_NUMBER, "out of long range");
        }
        return value.longValue();
    }

    private static long epoch(JsonNode v, long unitsPerMilli) throws CastException {
        JsonNode value = unwrap(v, "$numberLong", "$numberInt");
        if (!value.isIntegralNumber() && !(value.isTextual() && value != v)) {
            throw new CastException(v.isTextual() ? ErrorKind.BAD_TIMESTAMP : ErrorKind.WRONG_TYPE,
                    "is " + typeOf(v) + ", expected an integer epoch timestamp");
        }
        return Math.floorDiv(integral(v), unitsPerMilli);
    }

    private static long isoMillis(String text) throws CastException {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new CastException(ErrorKind.BAD_TIMESTAMP, "not an ISO-8601 timestamp with offset");
        }
    }

    private static long mongoDateMillis(JsonNode v) throws CastException {
        if (!v.isObject() || !v.has("$date") || v.size() != 1) {
            throw wrongType(v, "{\"$date\": …}");
        }
        JsonNode date = v.get("$date");
        if (date.isIntegralNumber() && date.canConvertToLong()) {
            return date.longValue();
        }
        if (date.isTextual()) {
            return isoMillis(date.textValue());
        }
        if (date.isObject() && date.has("$numberLong")) {
            return integral(date);
        }
        throw new CastException(ErrorKind.BAD_EXTENDED_JSON, "$date holds " + typeOf(date)
                + ", expected millis, an ISO-8601 string or {\"$numberLong\": …}");
    }

    /** Returns the wrapped value of a one-key Extended JSON object such as {"$numberLong": "5"}, else v. */
    private static JsonNode unwrap(JsonNode v, String... wrappers) throws CastException {
        if (!v.isObject() || v.size() != 1) {
            return v;
        }
        for (String wrapper : wrappers) {
            JsonNode inner = v.get(wrapper);
            if (inner != null) {
                if (!inner.isTextual() && !inner.isNumber()) {
                    throw new CastException(ErrorKind.BAD_EXTENDED_JSON, wrapper + " holds " + typeOf(inner));
                }
                return inner;
            }
        }
        return v;
    }

    private static CastException wrongType(JsonNode v, String expected) {
        return new CastException(ErrorKind.WRONG_TYPE, "is " + typeOf(v) + ", expected " + expected);
    }

    static String typeOf(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? "an integer" : "a fractional number";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
