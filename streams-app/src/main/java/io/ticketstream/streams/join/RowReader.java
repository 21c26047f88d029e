package io.ticketstream.streams.join;

import io.ticketstream.streams.normalize.NormalizedRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Typed, validating reads of a {@link NormalizedRow}'s fields for the join stage. Every failure is a
 * {@link JoinDataException} naming mapping, key, field and value.
 */
public final class RowReader {

    private RowReader() {
    }

    public static long requireLong(NormalizedRow row, String field) {
        Object value = row.fields().get(field);
        if (!(value instanceof Long)) {
            throw new JoinDataException(row.mapping(), row.key(), field, value,
                    value == null ? "required, but missing" : "expected a whole number");
        }
        return (Long) value;
    }

    /** The row's key as a long: every key but the customers' is a numeric id. */
    public static long keyAsLong(NormalizedRow row) {
        try {
            return Long.parseLong(row.key());
        } catch (NumberFormatException e) {
            throw new JoinDataException(row.mapping(), row.key(), "<key>", row.key(), "expected a numeric id");
        }
    }

    public static String requireString(NormalizedRow row, String field) {
        Object value = row.fields().get(field);
        if (!(value instanceof String) || ((String) value).isEmpty()) {
            throw new JoinDataException(row.mapping(), row.key(), field, value, "required, but missing or empty");
        }
        return (String) value;
    }

    public static BigDecimal requireDecimal(NormalizedRow row, String field) {
        Object value = row.fields().get(field);
        if (!(value instanceof BigDecimal)) {
            throw new JoinDataException(row.mapping(), row.key(), field, value,
                    value == null ? "required, but missing" : "expected a decimal");
        }
        return (BigDecimal) value;
    }

    /**
     * Parses an enum symbol of the Avro contract. A symbol the contract does not know is rejected rather
     * than mapped to UNKNOWN: a new source status must be a deliberate schema change, and until then the
     * row waits in the DLQ instead of silently skewing facts (an unknown order status would never emit a sale).
     */
    public static <E extends Enum<E>> E requireEnum(NormalizedRow row, String field, Class<E> type) {
        Object value = row.fields().get(field);
        if (!(value instanceof String)) {
            throw new JoinDataException(row.mapping(), row.key(), field, value, "required " + type.getSimpleName()
                    + " symbol, but missing");
        }
        String symbol = ((String) value).trim().toUpperCase(java.util.Locale.ROOT);
        try {
            E parsed = Enum.valueOf(type, symbol);
            if ("UNKNOWN".equals(parsed.name())) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new JoinDataException(row.mapping(), row.key(), field, value,
                    "not a symbol of " + type.getSimpleName() + " " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Instant instantOrNull(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    public static LocalDate dateOrNull(Integer epochDays) {
        return epochDays == null ? null : LocalDate.ofEpochDay(epochDays);
    }
}
