package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.attribute;
import static io.ticketstream.braze.simulator.SimulatorClient.event;
import static io.ticketstream.braze.simulator.SimulatorClient.events;
import static io.ticketstream.braze.simulator.SimulatorClient.json;
import static io.ticketstream.braze.simulator.SimulatorClient.purchase;
import static io.ticketstream.braze.simulator.SimulatorClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every documented /users/track rule, through real HTTP on loopback. */
class TrackValidationTest {

    private static BrazeSimulator sim;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key")).maxPayloadBytes(64 * 1024).build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void validRequestIsAppliedAttributesThenEventsThenPurchases() throws Exception {
        // Arrays deliberately out of order in the JSON: Braze applies attributes, events, purchases.
        String body = "{\"purchases\":[" + purchase("u1", "p1") + "],"
                + "\"events\":[" + event("u1", "viewed") + "," + event("u2", "bought") + "],"
                + "\"attributes\":[" + attribute("u1", "first_name", "Ada") + "]}";
        HttpResponse<String> response = client.track(body);

        assertEquals(201, response.statusCode());
        JsonNode reply = json(response);
        assertEquals("success", reply.get("message").asText());
        assertEquals(1, reply.get("attributes_processed").asInt());
        assertEquals(2, reply.get("events_processed").asInt());
        assertEquals(1, reply.get("purchases_processed").asInt());
        assertNull(reply.get("errors"));

        List<AcceptedObject> accepted = sim.accepted();
        assertEquals(List.of(ObjectType.ATTRIBUTES, ObjectType.EVENT, ObjectType.EVENT, ObjectType.PURCHASE),
                accepted.stream().map(AcceptedObject::type).toList());
        assertEquals(UserId.externalId("u1"), accepted.get(0).user());
        assertEquals("Ada", accepted.get(0).text("first_name"));
        assertEquals("bought", accepted.get(2).text("name"));
        assertEquals(1, accepted.get(2).index());
        assertEquals(12.5, accepted.get(3).json().get("price").asDouble());
        assertTrue(accepted.stream().allMatch(o -> o.requestSequence() == 1));
        assertEquals(1, sim.acceptedPurchases().size());
        assertEquals(2, sim.acceptedEvents().size());
    }

    @Test
    void objectsOverTheCombinedCapAreRejectedWholeWithA400() throws Exception {
        assertEquals(201, client.track(events(75, "u")).statusCode());

        String body = "{\"attributes\":[" + attribute("a", "k", "v") + "]," + events(75, "u").substring(1);
        HttpResponse<String> response = client.track(body);

        assertEquals(400, response.statusCode());
        String message = json(response).get("message").asText();
        assertTrue(message.contains("76") && message.contains("75"), message);
        assertEquals(75, sim.accepted().size(), "nothing of the rejected request applied");
    }

    @Test
    void perArrayCapModeAllowsSeventyFiveInEachArray() throws Exception {
        try (BrazeSimulator perArray = BrazeSimulator.builder().apiKeys(Set.of("test-key"))
                .objectCapMode(ObjectCapMode.PER_ARRAY).build().start()) {
            SimulatorClient c = new SimulatorClient(perArray.baseUri());
            String both = "{\"attributes\":[" + attribute("a", "k", "v") + "]," + events(75, "u").substring(1);
            assertEquals(201, c.track(both).statusCode());
            HttpResponse<String> tooMany = c.track(events(76, "u"));
            assertEquals(400, tooMany.statusCode());
            assertTrue(json(tooMany).get("message").asText().contains("'events'"));
            assertEquals(76, perArray.accepted().size());
        }
    }

    @Test
    void payloadOverTheSizeCapGets413() throws Exception {
        String big = "x".repeat(64 * 1024);
        HttpResponse<String> response = client.track("{\"attributes\":[" + attribute("u", "blob", big) + "]}");
        assertEquals(413, response.statusCode());
        assertTrue(sim.accepted().isEmpty());
        // the connection stays usable afterwards
        assertEquals(201, client.track(events(1, "u")).statusCode());
    }

    @Test
    void malformedJsonGets400() throws Exception {
        HttpResponse<String> response = client.track("{\"events\":[{\"external_id\":\"u\",");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().startsWith("malformed JSON"));
        assertEquals(400, client.track("[1,2]").statusCode());
        assertEquals(400, client.track("").statusCode());
        assertEquals(400, client.track(q("{'events':{'name':'x'}}")).statusCode());
        assertTrue(sim.accepted().isEmpty());
    }

    @Test
    void emptyRequestGets400ByDefault() throws Exception {
        assertEquals(400, client.track(q("{'attributes':[],'events':[]}")).statusCode());
    }

    @Test
    void perObjectErrorsCarryTheirIndexWithinTheirArrayAndOthersAreApplied() throws Exception {
        String body = q("{'attributes':["
                + "{'external_id':'a0','x':1},"
                + "{'x':1},"                                                  // attributes[1]: no identifier
                + "{'external_id':'a2','braze_id':'b2','x':1}"                // attributes[2]: two identifiers
                + "],'events':["
                + "{'external_id':'e0','time':'2026-11-21T10:00:00Z'},"       // events[0]: no name
                + "{'external_id':'e1','name':'n','time':'yesterday'},"       // events[1]: bad time
                + "{'external_id':'e2','name':'n','time':'2026-11-21T10:00:00Z','properties':{'k':1}},"
                + "{'external_id':'e3','name':'n','time':'2026-11-21T10:00:00Z','properties':[1]}" // events[3]
                + "],'purchases':["
                + "{'external_id':'p0','product_id':'x','currency':'usd','price':1,'time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'p1','product_id':'x','currency':'XYZ','price':1,'time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'p2','product_id':'x','currency':'GBP','price':'1.00','time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'p3','product_id':'x','currency':'GBP','price':1,'quantity':1.5,'time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'p4','product_id':'x','currency':'GBP','price':1},"
                + "{'external_id':'p5','product_id':'x','currency':'JPY','price':300,'quantity':3,'time':'2026-11-21T10:00:00.123+09:00'}"
                + "]}");
        HttpResponse<String> response = client.track(body);

        assertEquals(201, response.statusCode());
        JsonNode reply = json(response);
        assertEquals("success", reply.get("message").asText());
        assertEquals(1, reply.get("attributes_processed").asInt());
        assertEquals(1, reply.get("events_processed").asInt());
        assertEquals(1, reply.get("purchases_processed").asInt());
        List<String> errors = reply.get("errors").findValuesAsText("input_array");
        List<Integer> indexes = reply.get("errors").findValues("index").stream().map(JsonNode::asInt).toList();
        assertEquals(List.of("attributes", "attributes", "events", "events", "events",
                "purchases", "purchases", "purchases", "purchases", "purchases"), errors);
        assertEquals(List.of(1, 2, 0, 1, 3, 0, 1, 2, 3, 4), indexes);
        String types = reply.get("errors").toString();
        assertTrue(types.contains("missing user identifier"), types);
        assertTrue(types.contains("'name' is required"), types);
        assertTrue(types.contains("'time' must be an ISO-8601 date-time, was 'yesterday'"), types);
        assertTrue(types.contains("'currency' must be an ISO-4217 code of three upper-case letters, was 'usd'"), types);
        assertTrue(types.contains("was 'XYZ'"), types);
        assertTrue(types.contains("'price' must be a number"), types);
        assertTrue(types.contains("'quantity' must be an integer"), types);
        assertTrue(types.contains("'properties' must be an object"), types);
        assertTrue(types.contains("'time' is required"), types);

        assertEquals(List.of("a0", "e2", "p5"), sim.accepted().stream().map(o -> o.user().value()).toList());
        assertEquals(10, sim.stats().objectErrors());
    }

    @Test
    void everyIdentifierKindNamesAUser() throws Exception {
        String body = q("{'events':["
                + "{'external_id':'x','name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'user_alias':{'alias_name':'an','alias_label':'al'},'name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'braze_id':'b','name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'email':'e@example.com','name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'phone':'+441234','name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'user_alias':{'alias_name':'an'},'name':'n','time':'2026-11-21T10:00:00Z'},"
                + "{'external_id':'x','email':'e@example.com','name':'n','time':'2026-11-21T10:00:00Z'}"
                + "]}");
        JsonNode reply = json(client.track(body));
        assertEquals(5, reply.get("events_processed").asInt());
        assertEquals(List.of(5, 6), reply.get("errors").findValues("index").stream().map(JsonNode::asInt).toList());
        assertEquals(List.of(UserId.externalId("x"), UserId.alias("an", "al"), UserId.brazeId("b"),
                        UserId.email("e@example.com"), UserId.phone("+441234")),
                sim.accepted().stream().map(AcceptedObject::user).toList());
    }

    @Test
    void attributeObjectsMayWriteEmailAndPhoneAndNullRemovesAnAttribute() throws Exception {
        String body = q("{'attributes':["
                + "{'external_id':'u1','email':'new@example.com','phone':'+33123','home_city':null,'_update_existing_only':true},"
                + "{'email':'only@example.com','phone':'+33999','first_name':'Bo'},"
                + "{'external_id':'u3','_update_existing_only':'yes'}"
                + "]}");
        JsonNode reply = json(client.track(body));
        assertEquals(2, reply.get("attributes_processed").asInt());
        assertEquals(2, reply.get("errors").get(0).get("index").asInt());
        List<AcceptedObject> accepted = sim.acceptedAttributes();
        assertEquals(UserId.externalId("u1"), accepted.get(0).user());
        assertTrue(accepted.get(0).json().get("home_city").isNull(), "null kept: it removes the attribute");
        assertTrue(accepted.get(0).asMap().containsKey("home_city"));
        assertEquals(UserId.email("only@example.com"), accepted.get(1).user(), "email names the user when no primary id");
    }

    @Test
    void errorsNeverEchoIdentifierValues() throws Exception {
        JsonNode reply = json(client.track(q("{'events':[{'external_id':12345,'name':'n','time':'2026-11-21T10:00:00Z'}]}")));
        String errors = reply.get("errors").toString();
        assertTrue(errors.contains("'external_id' must be a non-empty string"), errors);
        assertFalse(errors.contains("12345"), errors);
    }

    @Test
    void histogramCountsObjectsPerValidatedRequest() throws Exception {
        client.track(events(10, "u"));
        client.track(events(20, "v"));
        client.track(events(20, "w"));
        SimulatorStats stats = sim.stats();
        assertEquals(1L, stats.objectsPerRequest().get(10));
        assertEquals(2L, stats.objectsPerRequest().get(20));
        assertEquals(50.0 / 3, stats.averageObjectsPerRequest(), 1e-9);
        assertEquals(3L, stats.requests(BrazeSimulator.USERS_TRACK));
        assertEquals(3L, stats.responses(201));
    }

    @Test
    void unknownPathsGet404AndWrongMethodGets405() throws Exception {
        assertEquals(404, client.post("/users/trackX", "test-key", "{}").statusCode());
        assertEquals(404, client.post("/users/export/ids", "test-key", "{}").statusCode());
        HttpResponse<String> get = client.get(BrazeSimulator.USERS_TRACK);
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }
}
