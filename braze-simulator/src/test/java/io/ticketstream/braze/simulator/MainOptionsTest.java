package io.ticketstream.braze.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainOptionsTest {

    private static final Map<String, String> ENV = Map.of("BRAZE_API_KEY", "k1", "OTHER_KEYS", "a, b ,c");

    private static MainOptions parse(String... args) {
        return MainOptions.parse(args, ENV::get);
    }

    @Test
    void defaultsFollowBrazesDocumentedLimits() {
        MainOptions o = parse();
        assertEquals(MainOptions.DEFAULT_PORT, o.port);
        assertEquals(Set.of("k1"), o.apiKeys);
        assertEquals(3000, o.rateLimit);
        assertEquals(Duration.ofSeconds(3), o.window);
        assertEquals(5000, o.subscriptionRateLimit);
        assertEquals(Duration.ofMinutes(1), o.subscriptionWindow);
        assertEquals(75, o.maxObjects);
        assertEquals(ObjectCapMode.COMBINED, o.capMode);
        assertEquals(FaultPlan.none().toString(), o.faults.build().toString());
    }

    @Test
    void everyFlagInBothSpellings() {
        MainOptions o = parse("--port", "0", "--host=0.0.0.0", "--api-key-env", "OTHER_KEYS", "--rate-limit=300",
                "--window", "500ms", "--subscription-rate-limit", "10", "--subscription-window", "PT2M",
                "--max-objects", "50", "--object-cap-mode", "per-array", "--max-payload-bytes", "1000",
                "--success-status", "200", "--retry-after-header", "--allow-empty-requests", "--threads", "4",
                "--fault-seed", "9", "--fault-5xx-rate", "0.25", "--fault-5xx-codes", "503,504",
                "--fault-applied-before-failure", "0.5", "--fault-latency-ms", "10", "--fault-jitter-ms", "5",
                "--fault-reset-rate", "0.01", "--fault-429-burst", "7", "--fault-object-error-marker", "BAD");
        assertEquals(0, o.port);
        assertEquals("0.0.0.0", o.host);
        assertEquals(Set.of("a", "b", "c"), o.apiKeys);
        assertEquals(300, o.rateLimit);
        assertEquals(Duration.ofMillis(500), o.window);
        assertEquals(Duration.ofMinutes(2), o.subscriptionWindow);
        assertEquals(ObjectCapMode.PER_ARRAY, o.capMode);
        assertTrue(o.retryAfterHeader && o.allowEmptyRequests);
        FaultPlan plan = o.faults.build();
        assertEquals(9, plan.seed());
        assertEquals(0.25, plan.serverErrorProbability());
        assertEquals(java.util.List.of(503, 504), plan.serverErrorCodes());
        assertEquals(0.5, plan.appliedBeforeFailureProbability());
        assertEquals(Duration.ofMillis(10), plan.fixedLatency());
        assertEquals(Duration.ofMillis(5), plan.latencyJitter());
        assertEquals(7, plan.forcedTooManyRequests());
        assertEquals("BAD", plan.objectErrorMarker().orElseThrow());
    }

    @Test
    void parsedOptionsBuildASimulatorThatEnforcesThem() throws Exception {
        MainOptions o = parse("--port", "0", "--api-key-env", "OTHER_KEYS", "--max-objects", "2");
        try (BrazeSimulator sim = o.toBuilder().build().start()) {
            SimulatorClient client = new SimulatorClient(sim.baseUri());
            assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "b", SimulatorClient.events(2, "u")).statusCode());
            assertEquals(400, client.post(BrazeSimulator.USERS_TRACK, "b", SimulatorClient.events(3, "u")).statusCode());
            assertEquals(401, client.post(BrazeSimulator.USERS_TRACK, "k1", SimulatorClient.events(1, "u")).statusCode());
        }
    }

    @Test
    void errorsNameTheFlagAndTheValueButNeverTheKey() {
        assertEquals("--rate-limit: 'many' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> parse("--rate-limit", "many")).getMessage());
        assertEquals("--window: 'soon' is not a duration (e.g. 3s, 500ms, 1m, PT3S)",
                assertThrows(IllegalArgumentException.class, () -> parse("--window", "soon")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--fault-5xx-codes", "404"))
                .getMessage().startsWith("--fault-5xx-codes: '404'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--fault-5xx-rate", "2"))
                .getMessage().startsWith("--fault-5xx-rate: '2'"));
        assertEquals("--api-key: unknown flag (see --help)",
                assertThrows(IllegalArgumentException.class, () -> parse("--api-key", "k1")).getMessage(),
                "no flag takes a key: it would show in ps");
        String missing = assertThrows(IllegalArgumentException.class,
                () -> MainOptions.parse(new String[0], name -> null)).getMessage();
        assertTrue(missing.contains("BRAZE_API_KEY is not set"), missing);
        assertEquals("--port: a value is required",
                assertThrows(IllegalArgumentException.class, () -> parse("--port")).getMessage());
    }

    @Test
    void helpNeedsNoKey() {
        assertTrue(MainOptions.parse(new String[] {"--help"}, name -> null).help);
        assertTrue(MainOptions.USAGE.startsWith(BrazeSimulatorMain.BANNER));
    }
}
