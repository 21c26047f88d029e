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
                -62_167_219_200_000L, 253_402_300_799_999L, -62_167_219_200_001L, 253_402_300_800_000L,
                Long.MIN_VALUE / 1000, Long.MAX_VALUE / 1000};
        for (long millis : edges) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis)), BrazeFormats.isoInstant(millis),
                    "epoch millis " + millis);
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
            if (i % 3 == 0) {
                millis -= Math.floorMod(millis, 1000L);
            }
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis)), BrazeFormats.isoInstant(millis),
                    "epoch millis " + millis);
        }
    }

    @Test
    void datesAreCalendarDaysInUtc() {
        assertEquals("1990-04-01", BrazeFormats.isoDate("dob", 7395));
        assertEquals("1969-12-31", BrazeFormats.isoDate("dob", new java.util.Date(-1L)));
        assertEquals("2027-03-01", BrazeFormats.isoDate("dob", "2027-03-01"));
    }
}
