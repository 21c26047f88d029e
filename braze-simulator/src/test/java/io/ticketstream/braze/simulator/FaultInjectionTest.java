package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.events;
import static io.ticketstream.braze.simulator.SimulatorClient.json;
import static io.ticketstream.braze.simulator.SimulatorClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static ManualClock clock;
    private static BrazeSimulator sim;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key")).clock(clock).build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.setFaults(FaultPlan.none());
        sim.reset();
    }

    @Test
    void sameSeedSameFaultsDifferentSeedDifferentFaults() throws Exception {
        FaultPlan.Builder plan = FaultPlan.builder().serverErrorProbability(0.4).appliedBeforeFailureProbability(0.5);
        List<Integer> first = statuses(plan.seed(42).build(), 40);
        List<Integer> again = statuses(plan.seed(42).build(), 40);
        List<Integer> other = statuses(plan.seed(7).build(), 40);

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.contains(201) && first.stream().anyMatch(s -> s >= 500), first.toString());
    }

    @Test
    void badGatewayIsNeverAppliedEvenWhenTheOthersAlwaysAre() throws Exception {
        sim.setFaults(FaultPlan.builder().serverErrorProbability(1.0).serverErrorCodes(502)
                .appliedBeforeFailureProbability(1.0).build());
        assertEquals(502, client.track(events(3, "u")).statusCode());
        assertEquals(0, sim.acceptedCount());
        assertEquals(1, sim.stats().injectedServerErrors());
        assertEquals(0, sim.stats().appliedThenFailed());
    }

    @Test
    void serviceUnavailableAppliedBeforeFailingMakesARetryADuplicate() throws Exception {
        sim.setFaults(FaultPlan.builder().serverErrorProbability(1.0).serverErrorCodes(503, 504)
                .appliedBeforeFailureProbability(1.0).build());
        int status = client.track(events(2, "u")).statusCode();
        assertTrue(status == 503 || status == 504, "status " + status);
        sim.setFaults(FaultPlan.none());
        assertEquals(201, client.track(events(2, "u")).statusCode()); // the client's retry

        assertEquals(4, sim.acceptedEvents().size(), "both copies recorded, as Braze would");
        assertEquals(1, sim.stats().appliedThenFailed());
    }

    @Test
    void serverErrorNotAppliedWhenProbabilityIsZero() throws Exception {
        sim.setFaults(FaultPlan.builder().serverErrorProbability(1.0).serverErrorCodes(500, 503, 504).build());
        for (int i = 0; i < 5; i++) {
            assertTrue(client.track(events(1, "u")).statusCode() >= 500);
        }
        assertEquals(0, sim.acceptedCount());
    }

    @Test
    void connectionResetGivesNoResponseAndAppliesNothing() throws Exception {
        sim.setFaults(FaultPlan.builder().connectionResetProbability(1.0).build());
        assertThrows(IOException.class, () -> client.track(events(1, "u")));
        sim.setFaults(FaultPlan.none());
        assertEquals(201, client.track(events(1, "u")).statusCode(), "the server is fine afterwards");
        assertEquals(1, sim.acceptedCount());
        assertEquals(1, sim.stats().connectionResets());
    }

    @Test
    void forcedStormOfNConsecutive429s() throws Exception {
        sim.setFaults(FaultPlan.builder().forcedTooManyRequests(3).build());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(client.track(events(1, "u" + i)).statusCode());
        }
        assertEquals(List.of(429, 429, 429, 201, 201), statuses);
        assertEquals(2, sim.acceptedCount());
        assertEquals(3, sim.stats().tooManyRequestsTotal());
    }

    @Test
    void forced429WindowFollowsTheSimulatorClock() throws Exception {
        Instant now = clock.instant();
        sim.setFaults(FaultPlan.builder().forcedTooManyRequestsBetween(now.plusSeconds(10), now.plusSeconds(20)).build());
        assertEquals(201, client.track(events(1, "u")).statusCode());
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> limited = client.track(events(1, "u"));
        assertEquals(429, limited.statusCode());
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(201, client.track(events(1, "u")).statusCode());
        assertEquals(2, sim.acceptedCount());
    }

    @Test
    void markedObjectsAreListedAsErrorsOfA2xxAndNotApplied() throws Exception {
        sim.setFaults(FaultPlan.builder().objectErrorMarker("POISON").objectErrorType("poisoned").build());
        HttpResponse<String> response = client.track(q("{'attributes':[{'external_id':'ok','a':1},{'external_id':'POISON-1','a':1}],"
                + "'events':[{'external_id':'ok','name':'POISON_EVENT','time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'ok','name':'fine','time':'2026-11-21T10:00:00Z'}]}"));
        assertEquals(201, response.statusCode());
        JsonNode errors = json(response).get("errors");
        assertEquals(2, errors.size());
        assertEquals("poisoned", errors.get(0).get("type").asText());
        assertEquals("attributes", errors.get(0).get("input_array").asText());
        assertEquals(1, errors.get(0).get("index").asInt());
        assertEquals("events", errors.get(1).get("input_array").asText());
        assertEquals(0, errors.get(1).get("index").asInt());
        assertEquals(2, sim.acceptedCount());
    }

    @Test
    void maintenanceAnswers202QueuedAndStillApplies() throws Exception {
        sim.setFaults(FaultPlan.builder().queuedProbability(1.0).build());
        HttpResponse<String> response = client.track(events(2, "u"));
        assertEquals(202, response.statusCode());
        assertEquals("queued", json(response).get("message").asText());
        assertEquals(2, sim.acceptedCount());
        assertEquals(1, sim.stats().queued());
    }

    @Test
    void latencyDoesNotChangeOutcomes() throws Exception {
        sim.setFaults(FaultPlan.builder().latency(Duration.ofMillis(5), Duration.ofMillis(5)).seed(1).build());
        assertEquals(201, client.track(events(2, "u")).statusCode());
        assertEquals(2, sim.acceptedCount());
    }

    @Test
    void faultPlanRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().serverErrorCodes(404));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().serverErrorProbability(1.5));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().latency(Duration.ofMillis(-1), Duration.ZERO));
    }

    private static List<Integer> statuses(FaultPlan plan, int requests) throws Exception {
        sim.reset();
        sim.setFaults(plan);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.track(events(1, "u" + i)).statusCode());
        }
        // applied-before-failure is part of the outcome: record which requests were applied
        for (AcceptedObject o : sim.accepted()) {
            statuses.add(-(int) o.requestSequence());
        }
        return statuses;
    }
}
