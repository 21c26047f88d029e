package io.ticketstream.it.ordering.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.it.ordering.oracle.Expected;

/** The generator keeps the promises the property test relies on, over many seeds (no broker: milliseconds each). */
class WorldGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BASE = 1_795_000_000_000L;
    /** Worlds are generated once per seed and partition count and shared by the tests (each takes a few 100 ms). */
    private static final int SEEDS = 8;
    private static final Map<String, World> WORLDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static World world(long seed, int partitions) {
        return WORLDS.computeIfAbsent(seed + "/" + partitions,
                k -> WorldGenerator.generate(seed, partitions, WorldShape.backlog(2_000), BASE));
    }

    @Test
    void aSeedGivesTheSameWorldEveryTime() {
        World one = WorldGenerator.generate(7, 3, WorldShape.backlog(2_000), BASE);
        World two = WorldGenerator.generate(7, 3, WorldShape.backlog(2_000), BASE);
        assertEquals(one.deliveries(), two.deliveries());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void everyPartitionGetsItsRecordsInCommitOrderApartFromReplays(int partitions) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            long s = seed;
            World world = world(seed, partitions);
            Map<String, Long> lastCommit = new HashMap<>();
            long lastEmitted = Long.MIN_VALUE;
            for (Delivery d : world.deliveries()) {
                assertTrue(d.emittedAt() >= lastEmitted, "emission order");
                lastEmitted = d.emittedAt();
                if (d.kind() == Delivery.Kind.REPLAY || d.kind() == Delivery.Kind.TRANSACTION_MARKER) {
                    continue;
                }
                String partition = d.topic() + "/" + RawTopics.partitionOf(d.topic(), d.event().key(), partitions);
                Long previous = lastCommit.put(partition, d.commitTs());
                assertTrue(previous == null || previous <= d.commitTs(), () -> "seed " + s + ": " + d + " out of commit order in " + partition);
                assertTrue(d.emittedAt() >= d.commitTs(), "nothing is emitted before it commits");
            }
        }
    }

    @Test
    void ordersTicketsAndPaymentsAreAllKeyedByTheirOrder() throws Exception {
        World world = world(3, 6);
        for (Delivery d : world.deliveries()) {
            if (d.event().value() != null && d.topic().startsWith("sqlserver.ticketing")) {
                JsonNode value = JSON.readTree(d.event().value());
                JsonNode row = value.get("after").isNull() ? value.get("before") : value.get("after");
                assertEquals("{\"order_id\":" + row.get("order_id").asLong() + "}", d.event().key(), d.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void everyWorldHoldsEveryPlannedCase(int partitions) {
        Set<String> always = Set.of("customer changed just before a sale", "customer changed just after a sale",
                "customer created after its first sale, within grace", "customers deleted", "dimension renames around a sale",
                "orders CANCELLED_UNPAID", "orders PAID", "orders PAID_THEN_CANCELLED", "orders PAID_THEN_REFUNDED",
                "orders PENDING_FOREVER", "orders REFUNDED_UNPAID", "PAID replayed after its reversal",
                "performance created after its first sale, within grace", "performances in a create/change/delete burst",
                "quiet tail sales", "redelivered right after", "sale after its customer was deleted",
                "sales for a customer that never exists");
        for (long seed = 1; seed <= SEEDS; seed++) {
            World world = world(seed, partitions);
            for (String feature : always) {
                assertTrue(world.features().getOrDefault(feature, 0) > 0, "seed " + seed + " lacks: " + feature);
            }
            assertEquals(partitions > 1, world.features().getOrDefault("sales on other partitions after the quiet tail", 0) > 0,
                    "seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void afterTheQuietTailItsPartitionAndTheCustomersTopicReceiveNothing(int partitions) throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            World world = world(seed, partitions);
            QuietTail tail = world.quietTail();
            Set<String> tailKeys = Set.of("{\"order_id\":" + tail.ghostOrderId() + "}", "{\"order_id\":" + tail.knownOrderId() + "}");
            for (Delivery d : world.deliveries()) {
                if (d.emittedAt() < tail.startedAt()) {
                    continue;
                }
                assertFalse(d.topic().equals(RawTopics.CUSTOMERS), "seed " + seed + ": customer record after the tail: " + d);
                if (RawTopics.CHANGE_TOPICS.contains(d.topic()) && d.topic().startsWith("sqlserver.")
                        && RawTopics.partitionOf(d.topic(), d.event().key(), partitions) == tail.ordersPartition()) {
                    assertTrue(tailKeys.contains(d.event().key()), "seed " + seed + ": other order on the quiet partition: " + d);
                    assertTrue(d.emittedAt() <= tail.lastPaidAt(), "seed " + seed + ": quiet partition written after its last sale: " + d);
                }
            }
            assertFalse(Expected.from(world.deliveries(), 2_000).facts().stream()
                    .filter(f -> f.getOrderId() == tail.ghostOrderId()).findFirst().orElseThrow().getCustomerKnown(),
                    "the quiet tail's ghost is never known");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void theOracleDoesNotDependOnTheOrderRecordsArriveIn(int partitions) {
        Random shuffle = new Random(11);
        for (long seed = 1; seed <= 10; seed++) {
            World world = WorldGenerator.generate(seed, partitions, WorldShape.tiny(2_000), BASE);
            Expected inOrder = Expected.from(world.deliveries(), 2_000);
            List<Delivery> shuffled = new ArrayList<>(world.deliveries());
            Collections.shuffle(shuffled, shuffle);
            assertEquals(inOrder, Expected.from(shuffled, 2_000), "seed " + seed);
            assertFalse(inOrder.facts().isEmpty());
        }
    }

    @Test
    void someSalesCountTicketsCommittedInThePaidRowsOwnTransaction() throws Exception {
        World world = world(5, 3);
        Map<Long, Long> paidAt = new HashMap<>();
        List<JsonNode> ticketInserts = new ArrayList<>();
        for (Delivery d : world.deliveries()) {
            if (d.event().value() == null || d.kind() != Delivery.Kind.ORIGINAL) {
                continue;
            }
            JsonNode value = JSON.readTree(d.event().value());
            if (d.topic().equals(RawTopics.ORDERS) && "PAID".equals(value.path("after").path("status").asText())) {
                paidAt.put(value.get("after").get("order_id").asLong(), d.commitTs());
            } else if (d.topic().equals(RawTopics.TICKETS) && "c".equals(value.get("op").asText())) {
                ticketInserts.add(value);
            }
        }
        long sameTransaction = ticketInserts.stream().filter(t -> Long.valueOf(t.get("source").get("ts_ms").asLong())
                .equals(paidAt.get(t.get("after").get("order_id").asLong()))).count();
        assertTrue(sameTransaction > 5, "tickets committed with their PAID row: " + sameTransaction);
    }
}
