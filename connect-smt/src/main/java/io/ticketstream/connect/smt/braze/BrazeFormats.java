package io.ticketstream.connect.smt.braze;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.braze.contract.BrazeValues;
import io.ticketstream.braze.contract.ContractViolation;

/**
 * Turns Connect values into the text formats Braze documents: times as ISO-8601 instants in UTC
 * (e.g. {@code 2026-03-01T19:30:00Z}), the standard {@code dob} attribute as {@code YYYY-MM-DD}, prices as
 * exact decimals. Every rejection names the field and the value.
 */
public final class BrazeFormats {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private BrazeFormats() {
    }

    /**
     * ISO-8601 instant of epoch milliseconds, as Braze reads it (the contract's formatter); a time outside the years
     * 0001-9999 is refused (a DataException: the record goes to the dead-letter queue with the reason).
     */
    public static String isoInstant(String field, long epochMillis) {
        try {
            return BrazeValues.isoInstant(field, epochMillis);
        } catch (ContractViolation e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    private static String isoInstant(String field, Instant instant) {
        try {
            return BrazeValues.isoInstant(field, instant);
        } catch (ContractViolation e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    /**
     * A point in time as ISO-8601 in UTC. Accepts a Connect Timestamp/Date ({@link Date}), epoch
     * milliseconds (any integral number), {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime},
     * {@link LocalDate} (midnight UTC) and a string with an offset or zone ({@code 2026-03-01T19:30:00+01:00}).
     * A string without an offset is rejected: it does not say which instant it means.
     */
    public static String isoTime(String field, Object value) {
        if (value instanceof Date) {
            return isoInstant(field, ((Date) value).getTime());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return isoInstant(field, ((Number) value).longValue());
        }
        if (value instanceof Instant) {
            return isoInstant(field, (Instant) value);
        }
        if (value instanceof OffsetDateTime) {
            return isoInstant(field, ((OffsetDateTime) value).toInstant());
        }
        if (value instanceof ZonedDateTime) {
            return isoInstant(field, ((ZonedDateTime) value).toInstant());
        }
        if (value instanceof LocalDate) {
            return isoInstant(field, ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof CharSequence) {
            String text = value.toString().trim();
            try {
                return isoInstant(field, DateTimeFormatter.ISO_DATE_TIME.parse(text, Instant::from));
            } catch (DateTimeParseException e) {
                throw new DataException("Field '" + field + "': '" + value + "' is not an ISO-8601 date-time with an "
                        + "offset or zone (e.g. 2026-03-01T19:30:00Z), so it does not name one instant", e);
            }
        }
        throw new DataException("Field '" + field + "': " + describe(value)
                + " is not a time (expected a Connect Timestamp, epoch milliseconds or an ISO-8601 string)");
    }

    /**
     * A calendar date as {@code YYYY-MM-DD} (Braze's format for {@code dob}). Accepts a Connect Date
     * or Timestamp ({@link Date}, read in UTC), epoch days as an int (Avro's and Connect's date encoding),
     * {@link LocalDate}, an Instant (UTC) and a string that is already {@code YYYY-MM-DD}.
     */
    public static String isoDate(String field, Object value) {
        if (value instanceof Date) {
            return LocalDate.ofEpochDay(Math.floorDiv(((Date) value).getTime(), MILLIS_PER_DAY)).toString();
        }
        if (value instanceof Integer || value instanceof Short) {
            return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Instant) {
            return LocalDate.ofInstant((Instant) value, ZoneOffset.UTC).toString();
        }
        if (value instanceof CharSequence) {
            String text = value.toString().trim();
            try {
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException e) {
                throw new DataException("Field '" + field + "': '" + value + "' is not a date in the form YYYY-MM-DD", e);
            }
        }
        throw new DataException("Field '" + field + "': " + describe(value)
                + " is not a date (expected a Connect Date, epoch days as an int, or a YYYY-MM-DD string)");
    }

    /** A Connect Time ({@link Date} holding millis of the day) as ISO-8601 local time. */
    public static String isoLocalTime(String field, Object value) {
        if (value instanceof Date) {
            return LocalTime.ofNanoOfDay(Math.floorMod(((Date) value).getTime(), MILLIS_PER_DAY) * 1_000_000L).toString();
        }
        throw new DataException("Field '" + field + "': " + describe(value) + " is not a Connect Time");
    }

    /**
     * An exact decimal. Accepts {@link BigDecimal}, integral numbers, {@link BigInteger}, a decimal string,
     * and a float/double through its shortest decimal text ({@code 12.34} stays {@code 12.34}, never
     * {@code 12.339999...}): a double only ever comes from schemaless JSON, where that text is what was sent.
     */
    public static BigDecimal decimal(String field, Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new DataException("Field '" + field + "': " + value + " is not a number Braze accepts");
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof CharSequence) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new DataException("Field '" + field + "': '" + value + "' is not a decimal number", e);
            }
        }
        throw new DataException("Field '" + field + "': " + describe(value) + " is not a decimal number");
    }

    /** An ISO-4217 code the contract accepts (a known currency, not just three capital letters). */
    public static boolean isCurrencyCode(String code) {
        try {
            BrazeValues.checkCurrency("currency", code);
            return true;
        } catch (ContractViolation e) {
            return false;
        }
    }

    /** A purchase price within the contract's range; a DataException naming the field otherwise. */
    public static BigDecimal price(String field, BigDecimal price) {
        try {
            return BrazeValues.checkPrice(field, price);
        } catch (ContractViolation e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
