package io.ticketstream.it.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.testsupport.braze.BrazeSinkTraffic;
import io.ticketstream.testsupport.connect.ForkedConnectWorker;
import io.ticketstream.testsupport.connect.PluginPath;

/**
 * Issue 12, item 2: after a kill -9 of the Connect worker, Braze receives again at most what was in flight.
 *
 * <p>A distributed Connect worker ({@code ConnectDistributed}) runs in a JVM of its own with the assembled plugins
 * ({@code connect-plugins/target/plugins}) on plugin.path, as in production, and with the default 60 s offset
 * commit interval: only the sink's own commit requests keep its offsets current. Mid-stream it is killed with
 * {@code destroyForcibly()} (SIGKILL: no shutdown, no last commit), a new worker process takes over, and the Braze
 * simulator (a local stand-in for Braze, not Braze) counts every object by its unique sequence number.
 *
 * <p>Before the fix (user-first-seen batching, no commit requests) the same kind of run sent 4,037 objects twice.
 */
class BrazeSinkWorkerKillTest {

    private static final String KEY = "kill-test-key";
    private static final String TOPIC = "braze-kill-in";
    private static final String CONNECTOR = "braze-kill";
    private static final int PARTITIONS = 4;
    private static final int TASKS = 2;
    private static final int MAX_IN_FLIGHT = 4;
    private static final int OBJECTS = 24_000;
    private static final int KILL_AFTER = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Connect's own default commit interval: the sink's commit requests, not a short interval, keep offsets current. */
    private static final Map<String, String> WORKER = Map.of("offset.flush.interval.ms", "60000");

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new EmbeddedKafkaCluster(1, new Properties());
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void afterAKillMinus9DuplicatesAreAtMostWhatWasInFlight() throws Exception {
        // 20 requests per second: the stream lasts long enough (about 16 s at 75 objects a request) to kill it midway
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(KEY))
                .rateLimit(20, Duration.ofSeconds(1)).maxObjectsPerRequest(75).build()) {
            sim.start();
            kafka.createTopic(TOPIC, PARTITIONS);
            // producing into a partition whose leader is not elected yet sent the idempotent producer into an
            // out-of-order-sequence loop on a busy machine
            TestUtils.waitForCondition(() -> kafka.describeTopics(TOPIC).get(TOPIC).map(d -> d.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())).orElse(false), 60_000, "partition leaders");
            produce();
            Path plugins = PluginPath.assembledWith("connect-braze-sink");
            Path workDir = Path.of("target", "braze-kill-test");
            int accepted;
            int inFlightAtKill;
            String firstWorkerLog;
            try (ForkedConnectWorker first = ForkedConnectWorker.start(kafka.bootstrapServers(), "braze-kill-workers",
                    plugins, workDir, "worker-1", WORKER)) {
                first.putConnector(CONNECTOR, JSON.writeValueAsString(connectorConfig(sim)));
                TestUtils.waitForCondition(() -> sim.acceptedCount() >= KILL_AFTER, 240_000, 500,
                        () -> "stream under way: " + sim.acceptedCount() + " accepted");
                inFlightAtKill = sim.inFlightRequests();
                first.kill();
                accepted = sim.acceptedCount();
                firstWorkerLog = first.process().log();
            }
            String atKill = committedVersusDelivered(sim);
            assertTrue(accepted < OBJECTS, "killed mid-stream (" + accepted + " of " + OBJECTS + " delivered)");
            try (ForkedConnectWorker second = ForkedConnectWorker.start(kafka.bootstrapServers(), "braze-kill-workers",
                    plugins, workDir, "worker-2", WORKER)) {
                TestUtils.waitForCondition(() -> sim.acceptedCount() >= OBJECTS && seqs(sim).size() == OBJECTS,
                        300_000, 1_000, () -> "all objects delivered after the restart: " + seqs(sim).size());
                // let requests of the restarted worker that were still in flight land before counting
                TestUtils.waitForCondition(() -> sim.inFlightRequests() == 0, 30_000, "simulator quiet");

                Map<Long, Long> seqs = seqs(sim);
                long duplicates = seqs.values().stream().mapToLong(n -> n - 1).sum();
                long bound = (long) TASKS * MAX_IN_FLIGHT * 75;
                SimulatorStats stats = sim.stats();
                String report = String.format("kill -9 after %,d of %,d objects; %d requests in flight at the kill; "
                                + "duplicates %,d (bound %,d = %d tasks x %d in flight x 75); lost %d; "
                                + "user concurrency violations %d; at the kill, per partition %s", accepted, OBJECTS,
                        inFlightAtKill, duplicates, bound, TASKS, MAX_IN_FLIGHT, OBJECTS - seqs.size(),
                        stats.userConcurrencyViolations(), atKill);
                System.out.println(report);
                java.nio.file.Files.writeString(Path.of("target", "braze-kill-test.txt"), report + "\n");
                assertEquals(OBJECTS, seqs.size(), "lost objects");
                assertTrue(duplicates <= bound, report);
                assertEquals(0, stats.userConcurrencyViolations(), "a user in two concurrent requests: " + report);
                // the sender threads carry Connect's connector/task logging context
                assertTrue(firstWorkerLog.lines().anyMatch(l -> l.contains("Braze sender thread")
                                && l.contains("[" + CONNECTOR + "|task-")),
                        "sender threads log with the [connector|task] context");
            }
        }
    }

    /**
     * Records for 3,000 users to partition {@code seq % 4}: as 3,000 is a multiple of 4, each user's records stay in
     * one partition, as on the keyed canonical topics (the sink keeps a user out of concurrent requests per task).
     */
    private void produce() throws Exception {
        BrazeSinkTraffic.produce(kafka, TOPIC, 0, OBJECTS, 3_000, seq -> seq % PARTITIONS);
    }

    private static Map<String, String> connectorConfig(BrazeSimulator sim) {
        Map<String, String> config = new TreeMap<>();
        config.put("connector.class", "io.ticketstream.connect.braze.BrazeSinkConnector");
        config.put("tasks.max", Integer.toString(TASKS));
        config.put("topics", TOPIC);
        config.put("braze.rest.url", sim.baseUri().toString());
        config.put("braze.allow.insecure.http", "true");
        config.put("braze.api.key", KEY);
        config.put("braze.quota.requests.per.window", "20");
        config.put("braze.quota.window.ms", "1000");
        config.put("braze.max.in.flight.requests", Integer.toString(MAX_IN_FLIGHT));
        config.put("braze.linger.ms", "50");
        return config;
    }

    /**
     * Per partition: the offset committed when the worker died, and how many records at or above it Braze had
     * (seq i sits at partition i % 4, offset i / 4): those are what the next worker sends again.
     */
    private static String committedVersusDelivered(BrazeSimulator sim) throws Exception {
        Map<Long, Long> seqs = seqs(sim);
        StringBuilder out = new StringBuilder();
        try (var admin = kafka.createAdminClient()) {
            var committed = admin.listConsumerGroupOffsets("connect-" + CONNECTOR).partitionsToOffsetAndMetadata().get();
            for (int p = 0; p < PARTITIONS; p++) {
                var offset = committed.get(new org.apache.kafka.common.TopicPartition(TOPIC, p));
                long at = offset == null ? 0 : offset.offset();
                int partition = p;
                long beyond = seqs.keySet().stream().filter(s -> s % PARTITIONS == partition && s / PARTITIONS >= at).count();
                out.append(String.format("p%d committed %d, delivered beyond %d; ", p, at, beyond));
            }
        }
        return out.toString();
    }

    /** seq → times Braze (the simulator) accepted it, over events and purchases. */
    private static Map<Long, Long> seqs(BrazeSimulator sim) {
        List<AcceptedObject> objects = new ArrayList<>(sim.acceptedEvents());
        objects.addAll(sim.acceptedPurchases());
        return objects.stream().map(o -> o.json().path("properties").path("seq")).filter(JsonNode::isNumber)
                .collect(Collectors.groupingBy(JsonNode::asLong, TreeMap::new, Collectors.counting()));
    }


}
