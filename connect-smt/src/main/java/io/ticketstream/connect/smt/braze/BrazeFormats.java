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

/**
 * Turns Connect values into the text formats Braze documents: times as ISO-8601 instants in UTC
 * (e.g. {@code 2026-03-01T19:30:00Z}), the standard {@code dob} attribute as {@code YYYY-MM-DD}, prices as
 * exact decimals. Every rejection names the field and the value.
 */
public final class BrazeFormats {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private BrazeFormats() {
    }

    /** Years 0000..9999 print as four digits; outside, ISO_INSTANT adds a sign, so it formats them. */
    private static final long MIN_FAST_MILLIS = -62_167_219_200_000L;
    private static final long MAX_FAST_MILLIS = 253_402_300_799_999L;

    /**
     * ISO-8601 instant of epoch milliseconds, exactly as {@link DateTimeFormatter#ISO_INSTANT} prints it
     * ({@code 2027-03-01T08:30:00Z}, {@code .123} only when there are milliseconds). Hand-rolled for years
     * 0000..9999 because every event and purchase needs one and the formatter costs several times more.
     */
    public static String isoInstant(long epochMillis) {
        if (epochMillis < MIN_FAST_MILLIS || epochMillis > MAX_FAST_MILLIS) {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
        }
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int seconds = millisOfDay / 1000;
        int millis = millisOfDay % 1000;
        char[] out = new char[millis == 0 ? 20 : 24];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, seconds / 3600, 2);
        out[13] = ':';
        digits(out, 14, seconds / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, seconds % 60, 2);
        if (millis != 0) {
            out[19] = '.';
            digits(out, 20, millis, 3);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
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
            return isoInstant(((Date) value).getTime());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return isoInstant(((Number) value).longValue());
        }
        if (value instanceof Instant && ((Instant) value).getNano() % 1_000_000 == 0) {
            return isoInstant(((Instant) value).toEpochMilli());
        }
        if (value instanceof Instant) {
            return DateTimeFormatter.ISO_INSTANT.format((Instant) value);
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_INSTANT.format(((OffsetDateTime) value).toInstant());
        }
        if (value instanceof ZonedDateTime) {
            return DateTimeFormatter.ISO_INSTANT.format(((ZonedDateTime) value).toInstant());
        }
        if (value instanceof LocalDate) {
            return DateTimeFormatter.ISO_INSTANT.format(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof CharSequence) {
            String text = value.toString().trim();
            try {
                return DateTimeFormatter.ISO_INSTANT.format(
                        DateTimeFormatter.ISO_DATE_TIME.parse(text, Instant::from));
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

    /** An ISO-4217 code: three upper-case letters (checked for shape; Braze itself checks the list). */
    public static boolean isCurrencyCode(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
