package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.events;
import static io.ticketstream.braze.simulator.SimulatorClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {

    private static BrazeSimulator sim;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key")).build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void statsAcceptedAndResetOverHttp() throws Exception {
        sim.reset();
        client.track(events(3, "a"));
        client.track(events(2, "b"));

        JsonNode stats = json(client.get("/simulator/stats"));
        assertEquals(2, stats.get("requestsByEndpoint").get(BrazeSimulator.USERS_TRACK).asInt());
        assertEquals(5, stats.get("acceptedObjects").asInt());
        assertEquals(2, stats.get("responsesByStatus").get("201").asInt());
        assertEquals(2.5, stats.get("averageObjectsPerRequest").asDouble());
        assertEquals(BrazeSimulator.USERS_TRACK, stats.get("windows").get(0).get("endpoint").asText());

        JsonNode accepted = json(client.get("/simulator/accepted?limit=2"));
        assertEquals(5, accepted.get("total").asInt());
        assertEquals(2, accepted.get("returned").asInt());
        assertEquals("b1", accepted.get("objects").get(1).get("object").get("external_id").asText(), "the most recent, oldest first");
        assertEquals(2, accepted.get("objects").get(1).get("request").asInt());

        assertEquals(400, client.get("/simulator/accepted?limit=lots").statusCode());
        assertEquals(405, client.get("/simulator/reset").statusCode());
        HttpResponse<String> reset = client.post("/simulator/reset", null, "");
        assertEquals(200, reset.statusCode());
        assertEquals(0, sim.acceptedCount());
        assertEquals(0, json(client.get("/simulator/stats")).get("acceptedObjects").asInt());
    }

    @Test
    void unknownSimulatorPathIs404() throws Exception {
        HttpResponse<String> response = client.get("/simulator/nope");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("no such simulator endpoint"));
    }
}
