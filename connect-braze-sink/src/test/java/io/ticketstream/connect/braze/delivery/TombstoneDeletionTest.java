package io.ticketstream.connect.braze.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.connect.braze.TestRecords;
import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.config.BehaviorOnError;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.http.JdkBrazeTransport;
import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;
import io.ticketstream.connect.braze.record.BadRecordException;
import io.ticketstream.connect.braze.record.BrazeObjectParser;
import io.ticketstream.connect.braze.record.Tombstones;

/**
 * braze.tombstone.handling=delete: a customer deleted at the source (a tombstone keyed by its customer_ref) deletes
 * the Braze user, after the user's earlier records and before its later ones. Against the Braze simulator (a
 * stand-in, not Braze).
 */
class TombstoneDeletionTest {

    private static final TopicPartition TP = new TopicPartition(TestRecords.TOPIC, 0);

    @Test
    void aTombstoneDeletesItsKeysUserInOrderWithTheUsersOtherRecords() throws Exception {
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of("k"))
                .rateLimit(1000, Duration.ofSeconds(1)).build().start()) {
            BrazeSinkConfig config = new BrazeSinkConfig(Map.of(BrazeSinkConfig.REST_URL, sim.baseUri().toString(),
                    BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true", BrazeSinkConfig.API_KEY, "k",
                    BrazeSinkConfig.TOMBSTONE_HANDLING, "delete", BrazeSinkConfig.LINGER_MS, "0"));
            OffsetTracker offsets = new OffsetTracker();
            DeliveryEngine engine = new DeliveryEngine(config, 1, new JdkBrazeTransport(config),
                    new ErrorRouter(null, BehaviorOnError.FAIL), offsets, BrazeSinkTaskMetrics.detached(),
                    System::currentTimeMillis, "tombstones");
            BrazeObjectParser parser = new BrazeObjectParser(4_000_000);
            List<SinkRecord> input = List.of(
                    new SinkRecord(TestRecords.TOPIC, 0, null, "C-1", null, TestRecords.event("C-1", "before"), 0),
                    new SinkRecord(TestRecords.TOPIC, 0, null, "C-1", null, null, 1),
                    new SinkRecord(TestRecords.TOPIC, 0, null, "C-2", null, TestRecords.attributes("C-2", "tier", "GOLD"), 2),
                    new SinkRecord(TestRecords.TOPIC, 0, null, "C-3", null, null, 3),
                    new SinkRecord(TestRecords.TOPIC, 0, null, "C-1", null, TestRecords.event("C-1", "after"), 4));
            List<PendingRecord> pending = new ArrayList<>();
            for (SinkRecord record : input) {
                offsets.register(TP, record.kafkaOffset());
                pending.add(new PendingRecord(record, TP, record.kafkaOffset(), record.value() == null
                        ? Tombstones.deletion(record) : parser.parse(record.value(), null), 0L));
            }
            engine.start();
            try {
                engine.enqueue(pending);
                TestUtils.waitForCondition(() -> offsets.committable().get(TP).offset() == 5, 30_000, "all delivered");
            } finally {
                engine.close();
            }
            assertEquals(List.of("C-1", "C-3"), sim.acceptedDeletions().stream().map(o -> o.text("external_id")).sorted()
                    .toList());
            // C-1: its event before the tombstone, then the deletion, then the later event (a new profile)
            List<AcceptedObject> c1 = new ArrayList<>();
            sim.accepted().stream().filter(o -> "C-1".equals(o.text("external_id"))).forEach(c1::add);
            assertEquals(List.of("before", "(deleted)", "after"), c1.stream()
                    .map(o -> o.text("name") == null ? "(deleted)" : o.text("name")).toList());
            assertTrue(c1.get(0).requestSequence() < c1.get(1).requestSequence()
                    && c1.get(1).requestSequence() < c1.get(2).requestSequence());
        }
    }

    @Test
    void aTombstoneWithoutAStringKeyIsABadRecordNamingTheKey() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Tombstones.deletion(
                new SinkRecord(TestRecords.TOPIC, 0, null, 42, null, null, 0)));
        assertEquals("(key)", e.field());
    }
}
