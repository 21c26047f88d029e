package io.ticketstream.braze.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path must agree with {@link DateTimeFormatter#ISO_DATE_TIME} wherever it answers. */
class IsoTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-21T10:00:00Z", "2026-11-21T10:00:00.1Z", "2026-11-21T10:00:00.123456789Z",
        "2026-11-21T10:00:00+01:00", "2026-11-21T23:59:59-18:00", "2026-11-21T10:00:00+18:00",
        "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z",
        "2026-11-21T10:00:60Z", "2026-11-21T10:00:00+19:00", "2026-11-21T10:00:00+18:30",
        "2026-11-21T10:00:00+01:60", "2026-11-21T10:00:00.Z", "2026-11-21T10:00:00.1234567890Z",
        "2026-11-21T10:00:00", "2026-11-21T10:00:00+01:00[Europe/Paris]", "2026-11-21t10:00:00z",
        "2026-11-21 10:00:00Z", "2026-11-21T10:00Z", "2026-11-21", "yesterday", "2026-11-21T10:00:00+0100",
        "2026-1a-21T10:00:00Z", "2026-11-21T10:00:00Z ", "+12026-11-21T10:00:00Z"})
    void agreesWithTheFormatter(String text) {
        boolean reference;
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            reference = true;
        } catch (DateTimeParseException e) {
            reference = false;
        }
        assertEquals(reference, IsoTimes.isValid(text), text);
        Boolean fast = IsoTimes.fastPath(text);
        if (fast != null) {
            assertEquals(reference, fast, "fast path on " + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T10:00:00Z", "2026-11-21T10:00:00.123+09:00", "2026-02-30T10:00:00Z"})
    void commonShapesTakeTheFastPath(String text) {
        assertNotNull(IsoTimes.fastPath(text), text);
    }
}
