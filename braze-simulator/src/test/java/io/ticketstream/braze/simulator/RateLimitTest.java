package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixed windows on clock boundaries, driven by a manual clock: no sleeps. */
class RateLimitTest {

    /** 1_800_000_001.5 s: half a second into the window [1_800_000_000, 1_800_000_003) of a 3 s limit. */
    private static final Instant START = Instant.ofEpochMilli(1_800_000_001_500L);

    private ManualClock clock;
    private BrazeSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        clock = new ManualClock(START);
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key"))
                .rateLimit(3, Duration.ofSeconds(3))
                .subscriptionRateLimit(2, Duration.ofMinutes(1))
                .clock(clock).build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void headersCountDownAndResetIsTheWindowEndInEpochSeconds() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> response = client.track(events(1, "u" + remaining));
            assertEquals(201, response.statusCode());
            assertEquals("3", header(response, "X-RateLimit-Limit"));
            assertEquals(Integer.toString(remaining), header(response, "X-RateLimit-Remaining"));
            assertEquals("1800000003", header(response, "X-RateLimit-Reset"));
        }
    }

    @Test
    void everyAcceptedObjectCarriesWhenItWasAppliedBySimulatorClock() throws Exception {
        client.track(events(2, "first"));
        clock.advance(Duration.ofMillis(1_250));
        client.track(events(1, "second"));

        assertEquals(java.util.List.of(START, START, START.plusMillis(1_250)),
                sim.accepted().stream().map(AcceptedObject::appliedAt).toList());
    }

    @Test
    void overTheLimitGets429AndNothingAppliedUntilTheClockBoundary() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, client.track(events(1, "u" + i)).statusCode());
        }
        HttpResponse<String> limited = client.track(events(1, "late"));
        assertEquals(429, limited.statusCode());
        assertEquals("0", header(limited, "X-RateLimit-Remaining"));
        assertEquals("1800000003", header(limited, "X-RateLimit-Reset"));
        assertFalse(limited.headers().firstValue("X-RateLimit-Retry-After").isPresent(), "off by default");

        clock.set(Instant.ofEpochMilli(1_800_000_002_999L)); // last millisecond of the window: still limited
        assertEquals(429, client.track(events(1, "late")).statusCode());

        clock.set(Instant.ofEpochMilli(1_800_000_003_000L)); // the boundary: a fresh window, not a rolling one
        HttpResponse<String> fresh = client.track(events(1, "late"));
        assertEquals(201, fresh.statusCode());
        assertEquals("2", header(fresh, "X-RateLimit-Remaining"));
        assertEquals("1800000006", header(fresh, "X-RateLimit-Reset"));

        assertEquals(4, sim.acceptedCount());
        assertTrue(sim.accepted().stream().noneMatch(o -> o.requestSequence() == 4 || o.requestSequence() == 5));
        SimulatorStats stats = sim.stats();
        assertEquals(Map.of(1_800_000_000L, 2L, 1_800_000_003L, 0L), stats.tooManyRequestsPerWindow(BrazeSimulator.USERS_TRACK));
        assertEquals(Map.of(1_800_000_000L, 5L, 1_800_000_003L, 1L), stats.requestsPerWindow(BrazeSimulator.USERS_TRACK));
        assertEquals(2, stats.tooManyRequestsTotal());
        assertEquals(2, stats.responses(429));
    }

    @Test
    void windowsAreAlignedOnClockBoundariesNotOnTheFirstRequest() throws Exception {
        // First request 2.9 s into a window: only 0.1 s of budget left in it, then a fresh one.
        clock.set(Instant.ofEpochMilli(1_800_000_002_900L));
        for (int i = 0; i < 3; i++) {
            assertEquals(201, client.track(events(1, "u" + i)).statusCode());
        }
        clock.advance(Duration.ofMillis(100));
        assertEquals(201, client.track(events(1, "v")).statusCode());
    }

    /** Braze's limit is per workspace: every API key of it draws on the same window budget. */
    @Test
    void everyApiKeyOfTheWorkspaceSharesOneBudget() throws Exception {
        try (BrazeSimulator twoKeys = BrazeSimulator.builder().apiKeys(Set.of("key-a", "key-b"))
                .rateLimit(3, Duration.ofSeconds(3)).clock(clock).build().start()) {
            SimulatorClient c = new SimulatorClient(twoKeys.baseUri());
            assertEquals(201, c.post(BrazeSimulator.USERS_TRACK, "key-a", events(1, "a1")).statusCode());
            HttpResponse<String> second = c.post(BrazeSimulator.USERS_TRACK, "key-b", events(1, "b1"));
            assertEquals("1", header(second, "X-RateLimit-Remaining"), "key-b sees what key-a used");
            assertEquals(201, c.post(BrazeSimulator.USERS_TRACK, "key-a", events(1, "a2")).statusCode());
            assertEquals(429, c.post(BrazeSimulator.USERS_TRACK, "key-b", events(1, "b2")).statusCode());
        }
    }

    @Test
    void aLimitChangedWhileRunningShowsInTheHeadersAndIsEnforced() throws Exception {
        assertEquals(201, client.track(events(1, "u1")).statusCode());
        sim.setRateLimit(2);
        HttpResponse<String> second = client.track(events(1, "u2"));
        assertEquals("2", header(second, "X-RateLimit-Limit"));
        assertEquals("0", header(second, "X-RateLimit-Remaining"));
        assertEquals(429, client.track(events(1, "u3")).statusCode());
    }

    @Test
    void endpointsHaveSeparateBudgets() throws Exception {
        String subscribe = SimulatorClient.q(
                "{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'subscribed','external_ids':['u']}]}");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, client.track(events(1, "u" + i)).statusCode());
        }
        HttpResponse<String> first = client.subscription(subscribe);
        assertEquals(201, first.statusCode());
        assertEquals("2", header(first, "X-RateLimit-Limit"));
        assertEquals("1", header(first, "X-RateLimit-Remaining"));
        assertEquals("1800000060", header(first, "X-RateLimit-Reset"), "minute windows end on the minute");
        assertEquals(201, client.subscription(subscribe).statusCode());
        assertEquals(429, client.subscription(subscribe).statusCode());
        assertEquals(1L, sim.stats().tooManyRequestsPerWindow(BrazeSimulator.SUBSCRIPTION_STATUS_SET).get(1_800_000_000L));
    }

    @Test
    void retryAfterHeaderWhenConfigured() throws Exception {
        try (BrazeSimulator withRetryAfter = BrazeSimulator.builder().apiKeys(Set.of("test-key"))
                .rateLimit(1, Duration.ofSeconds(3)).retryAfterHeader(true).clock(clock).build().start()) {
            SimulatorClient c = new SimulatorClient(withRetryAfter.baseUri());
            assertEquals(201, c.track(events(1, "u")).statusCode());
            HttpResponse<String> limited = c.track(events(1, "u"));
            assertEquals(429, limited.statusCode());
            assertEquals("2", header(limited, "X-RateLimit-Retry-After"), "1.5 s to the boundary, rounded up");
        }
    }

    @Test
    void authFailuresDoNotSpendTheBudget() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.post(BrazeSimulator.USERS_TRACK, "bad", events(1, "u")).statusCode());
        }
        assertEquals("2", header(client.track(events(1, "u")), "X-RateLimit-Remaining"));
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no header " + name));
    }
}
