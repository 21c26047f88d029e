package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.events;
import static io.ticketstream.braze.simulator.SimulatorClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static final String SUBSCRIBE = SimulatorClient.q(
            "{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'subscribed','external_ids':['u']}]}");

    private static BrazeSimulator sim;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        sim = BrazeSimulator.builder()
                .apiKeys(Set.of("test-key", "track-only", "subs-only"))
                .permissions(Map.of("track-only", Set.of(BrazeSimulator.PERMISSION_USERS_TRACK),
                        "subs-only", Set.of(BrazeSimulator.PERMISSION_SUBSCRIPTION_STATUS_SET)))
                .build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void missingOrUnknownKeyGets401WithoutEchoingTheKeyAndAppliesNothing() throws Exception {
        HttpResponse<String> missing = client.post(BrazeSimulator.USERS_TRACK, null, events(1, "u"));
        HttpResponse<String> wrong = client.post(BrazeSimulator.USERS_TRACK, "secret-of-other-instance", events(1, "u"));

        assertEquals(401, missing.statusCode());
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.body().contains("secret-of-other-instance"));
        assertTrue(json(wrong).get("message").asText().contains("invalid API key"));
        assertTrue(wrong.headers().firstValue("X-RateLimit-Limit").isPresent(), "every response carries the headers");
        assertEquals(0, sim.acceptedCount());
    }

    @Test
    void keyLackingThePermissionGets403() throws Exception {
        assertEquals(403, client.post(BrazeSimulator.USERS_TRACK, "subs-only", events(1, "u")).statusCode());
        assertEquals(403, client.post(BrazeSimulator.SUBSCRIPTION_STATUS_SET, "track-only", SUBSCRIBE).statusCode());
        assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "track-only", events(1, "u")).statusCode());
        assertEquals(201, client.post(BrazeSimulator.SUBSCRIPTION_STATUS_SET, "subs-only", SUBSCRIBE).statusCode());
        assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "test-key", events(1, "u")).statusCode(),
                "keys not listed in permissions have them all");
    }

    @Test
    void revokedKeyGets401UntilReinstatedAndAppliesNothingMeanwhile() throws Exception {
        assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "test-key", events(1, "before")).statusCode());
        sim.revokeApiKey("test-key");
        try {
            HttpResponse<String> revoked = client.post(BrazeSimulator.USERS_TRACK, "test-key", events(1, "during"));
            assertEquals(401, revoked.statusCode());
            assertTrue(json(revoked).get("message").asText().contains("invalid API key"));
            assertFalse(revoked.body().contains("test-key"));
            assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "track-only", events(1, "other")).statusCode(),
                    "other keys keep working");
        } finally {
            sim.reinstateApiKey("test-key");
        }
        assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, "test-key", events(1, "after")).statusCode());
        assertEquals(java.util.List.of("before0", "other0", "after0"),
                sim.accepted().stream().map(o -> o.text("external_id")).toList());
    }

    @Test
    void bearerSchemeIsRequired() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve(BrazeSimulator.USERS_TRACK))
                        .header("Authorization", "test-key")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(events(1, "u"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
    }

    @Test
    void builderRefusesNoKeys() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> BrazeSimulator.builder().build());
        assertTrue(e.getMessage().contains("apiKeys"));
    }
}
