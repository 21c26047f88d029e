package io.ticketstream.connect.smt.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BrazeFormatsTest {

    @Test
    void theHandRolledIsoInstantPrintsExactlyWhatIsoInstantPrints() {
        SplittableRandom random = new SplittableRandom(20270301);
        long[] edges = {0L, -1L, 1L, 999L, 1000L, -86_400_000L, 951_782_400_000L /* 2000-02-29 */,
                -62_135_596_800_000L /* 0001-01-01 */, 253_402_300_799_999L /* 9999-12-31T23:59:59.999 */};
        for (long millis : edges) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis)), BrazeFormats.isoInstant("t", millis),
                    "epoch millis " + millis);
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-62_135_596_800_000L, 253_402_300_800_000L);
            if (i % 3 == 0) {
                millis -= Math.floorMod(millis, 1000L);
            }
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis)), BrazeFormats.isoInstant("t", millis),
                    "epoch millis " + millis);
        }
    }

    /** Regression (issue 12, item 6): Long.MAX_VALUE ms (year 292278994) went through as a "+292278994-..." time. */
    @Test
    void aTimeOutsideTheYears1To9999IsRefusedNamingTheField() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.connect.errors.DataException.class,
                () -> BrazeFormats.isoTime("occurred_at", Long.MAX_VALUE));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("occurred_at")
                && e.getMessage().contains("0001-9999"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.connect.errors.DataException.class,
                () -> BrazeFormats.isoTime("t", "+10000-01-01T00:00:00Z"));
    }

    @Test
    void currenciesMustBeKnownIsoCodes() {
        org.junit.jupiter.api.Assertions.assertTrue(BrazeFormats.isCurrencyCode("GBP"));
        org.junit.jupiter.api.Assertions.assertFalse(BrazeFormats.isCurrencyCode("XQZ"));
        org.junit.jupiter.api.Assertions.assertFalse(BrazeFormats.isCurrencyCode("gbp"));
    }

    @Test
    void datesAreCalendarDaysInUtc() {
        assertEquals("1990-04-01", BrazeFormats.isoDate("dob", 7395));
        assertEquals("1969-12-31", BrazeFormats.isoDate("dob", new java.util.Date(-1L)));
        assertEquals("2027-03-01", BrazeFormats.isoDate("dob", "2027-03-01"));
    }
}
