package io.ticketstream.streams.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The normalisation stage's fixtures (SQL Server and MongoDB stand-ins, PostgreSQL envelopes captured from
 * a real Debezium run) through the WHOLE topology: every source and op reaches its canonical topic, deletes
 * become tombstones, nothing is dead-lettered.
 */
class FixturesThroughTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySourceAndOperationOfTheFixturesReachesItsCanonicalTopic() throws IOException {
        try (TopologyHarness topology = new TopologyHarness(Duration.ofSeconds(30))) {
            for (String table : List.of("attractions", "venues", "performances")) {
                for (String op : List.of("snapshot", "insert", "update", "delete")) {
                    pipeLines(topology, "fixtures/postgres/" + table + "." + op + ".jsonl");
                }
            }
            pipeArray(topology, RawCdc.CUSTOMERS, "fixtures/mongo/customers.json");
            pipeArray(topology, RawCdc.TICKETS, "fixtures/sqlserver/tickets.json");
            pipeArray(topology, RawCdc.PAYMENTS, "fixtures/sqlserver/payments.json");
            pipeArray(topology, RawCdc.ORDERS, "fixtures/sqlserver/orders.json");

            assertEquals(List.of(), topology.dlq(), "every fixture is valid input");

            List<KeyValue<String, Performance>> performances = topology.performances();
            assertTrue(performances.stream().anyMatch(p -> p.value != null && p.value.getAttraction() != null
                    && p.value.getVenue() != null), "snapshots and inserts join into complete performances");
            assertTrue(performances.stream().anyMatch(p -> p.value == null), "the performance delete is a tombstone");

            List<KeyValue<String, Customer>> customers = topology.customers();
            assertFalse(customers.isEmpty());
            assertTrue(customers.stream().allMatch(c -> c.key.startsWith("C-")), "keyed by customer_ref, not _id");
            assertTrue(customers.stream().anyMatch(c -> c.value == null),
                    "the document delete (it carries only _id) tombstones its customer_ref");
            assertFalse(topology.customerChanges().isEmpty());

            List<KeyValue<String, Order>> orders = topology.orders();
            assertFalse(orders.isEmpty());
            assertTrue(orders.stream().anyMatch(o -> o.value == null), "the order delete is a tombstone");
            assertNotNull(orders.stream().filter(o -> o.value != null).findFirst().orElseThrow().value.getCustomerRef());
        }
    }

    private static void pipeArray(TopologyHarness topology, String topic, String resource) throws IOException {
        for (JsonNode record : JSON.readTree(open(resource))) {
            pipe(topology, topic, record);
        }
    }

    private static void pipeLines(TopologyHarness topology, String resource) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    records.add(JSON.readTree(line));
                }
            }
        }
        for (JsonNode record : records) {
            pipe(topology, record.get("topic").asText(), record);
        }
    }

    private static void pipe(TopologyHarness topology, String topic, JsonNode record) throws IOException {
        JsonNode key = record.get("key");
        JsonNode value = record.get("value");
        topology.pipeRaw(topic, text(key), text(value));
    }

    private static String text(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : JSON.writeValueAsString(node);
    }

    private static InputStream open(String resource) {
        InputStream in = FixturesThroughTopologyTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + resource);
        }
        return in;
    }
}
