package io.ticketstream.connect.braze.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.http.HttpResult;

/** The pacer on a fake clock: time is the {@code now} argument. */
class RequestPacerTest {

    private static final long T0 = 1_800_000_000_000L; // on a 3 s boundary

    /** Sends as fast as the pacer allows for {@code millis}; returns the number of permits. */
    private static int drive(RequestPacer pacer, long from, long millis) {
        int permits = 0;
        long now = from;
        while (now < from + millis) {
            long wait = pacer.tryAcquire(now);
            if (wait == 0) {
                permits++;
                pacer.onResponse(now, -1, -1);
            } else {
                assertTrue(wait > 0);
                now += wait;
            }
        }
        return permits;
    }

    @Test
    void neverExceedsTheShareInAnyClockWindow() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        for (int w = 0; w < 5; w++) {
            int inWindow = drive(pacer, T0 + w * 3000L, 3000);
            assertTrue(inWindow <= 300 && inWindow >= 290, "window " + w + ": " + inWindow);
        }
    }

    @Test
    void shareAndTaskCountDivideTheQuota() {
        RequestPacer pacer = new RequestPacer(3000, Duration.ofSeconds(3), 0.5, 3, 4);
        assertEquals(500, pacer.permitsPerWindow());
    }

    @Test
    void spreadsRequestsOverTheWindowInsteadOfBurstingAtItsStart() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        int first = drive(pacer, T0, 300);
        assertTrue(first <= 45, "only about a tenth of the window's budget in its first tenth, was " + first);
    }

    @Test
    void remainingHeaderTightensTheBudgetUntilReset() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        assertEquals(0, pacer.tryAcquire(T0));
        // another client used most of the quota: 2 left until the window resets at T0 + 3 s
        pacer.onResponse(T0 + 10, 2, (T0 + 3000) / 1000);
        assertEquals(0, pacer.tryAcquire(T0 + 20));
        assertEquals(0, pacer.tryAcquire(T0 + 30));
        long wait = pacer.tryAcquire(T0 + 40);
        assertEquals(T0 + 3000 + RequestPacer.RESET_MARGIN_MILLIS - (T0 + 40), wait);
        assertEquals(0, pacer.tryAcquire(T0 + 40 + wait), "a fresh window after Reset");
    }

    @Test
    void inFlightRequestsAreSubtractedFromRemaining() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        pacer.tryAcquire(T0);
        pacer.tryAcquire(T0 + 10);
        pacer.tryAcquire(T0 + 20);
        pacer.onResponse(T0 + 30, 5, (T0 + 3000) / 1000); // 2 others still in flight
        assertEquals(3, pacer.serverBudget());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterWhenGiven() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        pacer.tryAcquire(T0);
        pacer.onRateLimited(T0 + 5, 1200, -1);
        assertEquals(1200, pacer.tryAcquire(T0 + 5));
        assertEquals(0, pacer.tryAcquire(T0 + 1205));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsUntilReset() {
        RequestPacer pacer = new RequestPacer(300, Duration.ofSeconds(3), 1.0, 1, 4);
        pacer.tryAcquire(T0);
        pacer.onRateLimited(T0 + 100, -1, (T0 + 3000) / 1000);
        assertEquals(3000 + RequestPacer.RESET_MARGIN_MILLIS - 100, pacer.tryAcquire(T0 + 100));
    }

    @Test
    void headersAreReadCaseInsensitivelyAndRetryAfterAsSecondsOrDate() {
        HttpResult lower = new HttpResult(429, Map.of("x-ratelimit-remaining", List.of("7"),
                "x-ratelimit-reset", List.of("1800000003"), "x-ratelimit-retry-after", List.of("2")), null);
        assertEquals(7, RateLimitHeaders.remaining(lower));
        assertEquals(1_800_000_003L, RateLimitHeaders.resetEpochSeconds(lower));
        assertEquals(2000, RateLimitHeaders.retryAfterMillis(lower, T0));
        HttpResult date = new HttpResult(429, Map.of("Retry-After", List.of("Fri, 15 Jan 2027 08:00:05 GMT")), null);
        long now = java.time.Instant.parse("2027-01-15T08:00:00Z").toEpochMilli();
        assertEquals(5000, RateLimitHeaders.retryAfterMillis(date, now));
    }
}
