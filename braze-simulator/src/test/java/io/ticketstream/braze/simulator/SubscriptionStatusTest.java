package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.json;
import static io.ticketstream.braze.simulator.SimulatorClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionStatusTest {

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

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void eachIdOfEachEntryIsOneSubscriptionChange() throws Exception {
        HttpResponse<String> response = client.subscription(q("{'subscription_groups':["
                + "{'subscription_group_id':'news','subscription_state':'subscribed','external_ids':['u1','u2']},"
                + "{'subscription_group_id':'sms','subscription_state':'unsubscribed','phones':['+4412']},"
                + "{'subscription_group_id':'mail','subscription_state':'subscribed','emails':['a@example.com']}]}"));

        assertEquals(201, response.statusCode());
        assertEquals("success", json(response).get("message").asText());
        List<AcceptedObject> changes = sim.acceptedSubscriptionChanges();
        assertEquals(List.of(UserId.externalId("u1"), UserId.externalId("u2"), UserId.phone("+4412"),
                UserId.email("a@example.com")), changes.stream().map(AcceptedObject::user).toList());
        assertEquals("news", changes.get(1).text("subscription_group_id"));
        assertEquals("u2", changes.get(1).text("external_id"));
        assertEquals("unsubscribed", changes.get(2).text("subscription_state"));
        assertTrue(changes.stream().allMatch(c -> c.type() == ObjectType.SUBSCRIPTION));
    }

    @Test
    void fiftyIdsPerEntryAreAllowedFiftyOneAreNot() throws Exception {
        assertEquals(201, client.subscription(entry(50)).statusCode());
        HttpResponse<String> tooMany = client.subscription(entry(51));
        assertEquals(400, tooMany.statusCode());
        assertTrue(json(tooMany).get("message").asText().contains("51 ids; the limit is 50"), tooMany.body());
        assertEquals(50, sim.acceptedCount());
    }

    @Test
    void mixingIdKindsInOneEntryIs400AndNothingIsApplied() throws Exception {
        HttpResponse<String> mixed = client.subscription(q("{'subscription_groups':["
                + "{'subscription_group_id':'ok','subscription_state':'subscribed','external_ids':['u1']},"
                + "{'subscription_group_id':'g','subscription_state':'subscribed','emails':['a@example.com'],'phones':['+1']}]}"));
        assertEquals(400, mixed.statusCode());
        assertTrue(json(mixed).get("message").asText().contains("mixes 'emails' and 'phones'"), mixed.body());
        assertEquals(0, sim.acceptedCount());
    }

    @Test
    void otherWholeRequestRules() throws Exception {
        assertRejected("{}", "'subscription_groups' must be a non-empty array");
        assertRejected("{'subscription_groups':[]}", "'subscription_groups' must be a non-empty array");
        assertRejected("{'subscription_groups':[{'subscription_state':'subscribed','external_ids':['u']}]}",
                "subscription_groups[0].subscription_group_id is required");
        assertRejected("{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'maybe','external_ids':['u']}]}",
                "subscription_state must be 'subscribed' or 'unsubscribed', was 'maybe'");
        assertRejected("{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'subscribed'}]}",
                "names no users");
        assertRejected("{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'subscribed','external_ids':[]}]}",
                "must be a non-empty array");
        assertRejected("{'subscription_groups':[{'subscription_group_id':'g','subscription_state':'subscribed','external_ids':[7]}]}",
                "external_ids[0] must be a non-empty string");
        assertEquals(0, sim.acceptedCount());
    }

    private static void assertRejected(String body, String expectedMessagePart) throws Exception {
        HttpResponse<String> response = client.subscription(q(body));
        assertEquals(400, response.statusCode(), body);
        assertTrue(json(response).get("message").asText().contains(expectedMessagePart), response.body());
    }

    private static String entry(int ids) {
        String list = IntStream.range(0, ids).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
        return "{\"subscription_groups\":[{\"subscription_group_id\":\"g\",\"subscription_state\":\"subscribed\","
                + "\"external_ids\":[" + list + "]}]}";
    }
}
