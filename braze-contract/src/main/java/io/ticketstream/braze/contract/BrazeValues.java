package io.ticketstream.braze.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * The value rules of the contract: what Braze accepts and reads as meant. The transforms format with them and
 * the sink checks with them, so a value is refused (dead-letter queue, with the reason) before it is sent rather
 * than rejected by Braze or, worse, stored as something else.
 *
 * <ul>
 *   <li>Times: ISO-8601 with an offset, years 0001 to 9999. Beyond, ISO-8601 needs an expanded, signed year
 *       ({@code +292278994-08-17T07:12:55.807Z}, what {@code Long.MAX_VALUE} milliseconds print as), which Braze's
 *       documented formats do not include.</li>
 *   <li>Currencies: an ISO-4217 code the JDK knows ({@code java.util.Currency}), not just three capital letters.</li>
 *   <li>Prices: finite and below 10^15 in magnitude, so Braze's floating-point price still holds the cents.</li>
 *   <li>Quantities: 1 to 100, as Braze documents.</li>
 *   <li>Numbers in attributes and properties: integers within 64 bits, decimals within a double's range.</li>
 * </ul>
 */
public final class BrazeValues {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z. */
    private static final long MIN_MILLIS = -62_135_596_800_000L;
    private static final long MAX_MILLIS = 253_402_300_799_999L;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1e15");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);

    private BrazeValues() {
    }

    /**
     * ISO-8601 instant of epoch milliseconds, exactly as {@link DateTimeFormatter#ISO_INSTANT} prints it
     * ({@code 2027-03-01T08:30:00Z}, {@code .123} only when there are milliseconds). Hand-rolled because every event
     * and purchase needs one and the formatter costs several times more.
     *
     * @throws ContractViolation outside the years 0001-9999
     */
    public static String isoInstant(String field, long epochMillis) {
        if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
            throw new ContractViolation(field, "time " + epochMillis + " ms since 1970 is outside the years 0001-9999 ("
                    + DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis)) + "); Braze reads "
                    + "ISO-8601 times with a four-digit year");
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

    /** An instant as ISO-8601 in UTC ({@code ISO_INSTANT}), years 0001-9999 only. */
    public static String isoInstant(String field, Instant instant) {
        checkYear(field, instant);
        return instant.getNano() % 1_000_000 == 0 ? isoInstant(field, instant.toEpochMilli())
                : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A time as the sink receives it: ISO-8601 with an offset, years 0001-9999. Returns the text unchanged. */
    public static String checkTime(String field, String text) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ContractViolation(field, "must be ISO-8601 with an offset (2027-03-01T08:30:00Z), was '" + text
                    + "'");
        }
        checkYear(field, time.toInstant());
        return text;
    }

    private static void checkYear(String field, Instant instant) {
        if (instant.isBefore(Instant.ofEpochMilli(MIN_MILLIS)) || instant.isAfter(Instant.ofEpochMilli(MAX_MILLIS))) {
            throw new ContractViolation(field, "'" + instant + "' is outside the years 0001-9999; Braze reads "
                    + "ISO-8601 times with a four-digit year");
        }
    }

    /** An ISO-4217 currency code known to the JDK's currency list. Returns the code. */
    public static String checkCurrency(String field, String code) {
        boolean shape = code != null && code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
        if (shape) {
            try {
                Currency.getInstance(code);
                return code;
            } catch (IllegalArgumentException unknown) {
                // falls through to the message below
            }
        }
        throw new ContractViolation(field, "must be an ISO-4217 currency code (three capital letters, e.g. GBP), was '"
                + code + "'");
    }

    /** A purchase price: finite, |price| below 10^15. Returns it. */
    public static BigDecimal checkPrice(String field, BigDecimal price) {
        if (price.abs().compareTo(MAX_PRICE) >= 0) {
            throw new ContractViolation(field, "price " + price.toPlainString() + " is out of range: Braze stores "
                    + "prices as floating point, which beyond 10^15 no longer holds the cents");
        }
        return price;
    }

    /** A purchase quantity: an integer from 1 to 100. */
    public static int checkQuantity(String field, long quantity) {
        if (quantity < BrazeContract.MIN_QUANTITY || quantity > BrazeContract.MAX_QUANTITY) {
            throw new ContractViolation(field, "must be an integer from " + BrazeContract.MIN_QUANTITY + " to "
                    + BrazeContract.MAX_QUANTITY + ", was " + quantity);
        }
        return (int) quantity;
    }

    /** A number in an attribute or a property: an integer within 64 bits, or a decimal within a double's range. */
    public static void checkNumber(String field, BigDecimal number) {
        boolean integral = number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
        boolean fits = integral ? number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0
                : number.abs().compareTo(DOUBLE_MAX) <= 0;
        if (!fits) {
            throw new ContractViolation(field, "number " + number.toPlainString().substring(0,
                    Math.min(40, number.toPlainString().length())) + " is out of range: Braze takes integers within "
                    + "64 bits and decimals within a double's range");
        }
    }
}
