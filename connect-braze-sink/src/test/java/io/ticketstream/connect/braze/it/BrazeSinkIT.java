package io.ticketstream.connect.braze.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.FaultPlan;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.testsupport.braze.BrazeSinkTraffic;

/**
 * The packaged plugin (the zip the build made, unpacked into plugin.path as a user would) on a real Connect
 * worker, delivering to the Braze simulator (a local stand-in for Braze, not Braze). The API key reaches the
 * connector only through Connect's FileConfigProvider.
 */
class BrazeSinkIT {

    private static final String SECRET_KEY = "it-secret-braze-key-6f2c91";
    private static final StringWriter CAPTURED_LOGS = new StringWriter();

    private static EmbeddedConnectCluster connect;
    private static Path keyFile;
    private static WriterAppender capture;
    private BrazeSimulator sim;

    @BeforeAll
    static void startWorker() throws IOException {
        startLogCapture();
        Path pluginPath = Files.createTempDirectory("braze-plugin-path");
        unzip(Path.of(System.getProperty("braze.plugin.zip",
                "target/ticketstream-connect-braze-sink-0.1.0-SNAPSHOT.zip")), pluginPath);
        keyFile = Files.createTempFile("braze-secrets", ".properties");
        Files.writeString(keyFile, "braze.api.key=" + SECRET_KEY + "\n");
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("plugin.path", pluginPath.toString());
        workerProps.put("config.providers", "file");
        workerProps.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        workerProps.put("offset.flush.interval.ms", "1000");
        // reassign a removed worker's tasks quickly (default 5 minutes) for the restart test
        workerProps.put("scheduled.rebalance.max.delay.ms", "2000");
        connect = new EmbeddedConnectCluster.Builder().name("braze-it").numWorkers(1).workerProps(workerProps).build();
        connect.start();
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.stop();
        }
        if (capture != null) {
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            ctx.getConfiguration().getRootLogger().removeAppender("braze-it-capture");
            ctx.updateLoggers();
        }
    }

    @AfterEach
    void stopSimulator() {
        // a failed test must not leave its connector retrying against a closed simulator
        for (String name : connect.connectors()) {
            connect.deleteConnector(name);
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static void startLogCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        capture = WriterAppender.newBuilder().setName("braze-it-capture").setTarget(CAPTURED_LOGS)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c - %m%n").build()).build();
        capture.start();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, Level.INFO, null);
        if (!config.getRootLogger().getLevel().isLessSpecificThan(Level.INFO)) {
            config.getRootLogger().setLevel(Level.INFO);
        }
        ctx.updateLoggers();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zin.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zin, target);
                }
            }
        }
    }

    private BrazeSimulator simulator(int quota, FaultPlan faults) {
        sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(SECRET_KEY)).rateLimit(quota, Duration.ofSeconds(3))
                .maxObjectsPerRequest(75).faults(faults).build();
        sim.start();
        return sim;
    }

    private Map<String, String> connectorConfig(String topic, int quota) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ticketstream.connect.braze.BrazeSinkConnector");
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("braze.rest.url", sim.baseUri().toString());
        config.put("braze.allow.insecure.http", "true");
        config.put("braze.api.key", "${file:" + keyFile + ":braze.api.key}");
        config.put("braze.quota.requests.per.window", Integer.toString(quota));
        config.put("braze.quota.share", "1.0");
        config.put("braze.linger.ms", "50");
        config.put("braze.retry.backoff.initial.ms", "20");
        config.put("braze.retry.backoff.max.ms", "500");
        return config;
    }

    /**
     * Events and purchases, each with a unique seq property, keyed by their user (5,000 users, so a user has several
     * records); {@code special} may replace a record's value (null: the usual one).
     */
    private static void produce(String topic, int from, int count, Function<Integer, String> special) {
        try {
            BrazeSinkTraffic.produce(connect.kafka(), topic, from, count, i -> {
                String json = special.apply(i);
                return new ProducerRecord<>(topic, "U-" + (i % 5_000), json != null ? json : BrazeSinkTraffic.record(i, 5_000));
            });
        } catch (Exception e) {
            throw new AssertionError("producing the test records failed", e);
        }
    }

    /** seq → times accepted by the simulator, over events and purchases. */
    private static Map<Long, Long> acceptedSeqs(BrazeSimulator sim) {
        List<AcceptedObject> objects = new java.util.ArrayList<>(sim.acceptedEvents());
        objects.addAll(sim.acceptedPurchases());
        return objects.stream().map(o -> o.json().path("properties").path("seq"))
                .filter(JsonNode::isNumber).collect(Collectors.groupingBy(JsonNode::asLong, TreeMap::new, Collectors.counting()));
    }

    private static void awaitAllAccepted(BrazeSimulator sim, int from, int count, long timeoutMs) throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            if (sim.acceptedCount() < count) {
                return false; // cheap check first: parsing every accepted object is not
            }
            Map<Long, Long> seqs = acceptedSeqs(sim);
            for (long i = from; i < from + count; i++) {
                if (!seqs.containsKey(i)) {
                    return false;
                }
            }
            return true;
        }, timeoutMs, 2_000, () -> "not all of " + count + " objects accepted; have " + acceptedSeqs(sim).size());
    }

    private void awaitRunning(String name) throws InterruptedException {
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 2, "connector " + name + " not running");
    }

    /**
     * Both tasks' consumers have their partitions: producing only after this keeps the start-up rebalance (which
     * re-reads records delivered but not yet committed, a legitimate at-least-once duplicate) out of the counts.
     */
    private static void awaitGroupStable(String connector, int members) throws InterruptedException {
        try (var admin = connect.kafka().createAdminClient()) {
            TestUtils.waitForCondition(() -> {
                var group = admin.describeConsumerGroups(List.of("connect-" + connector)).all().get()
                        .get("connect-" + connector);
                return group.members().size() == members
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            }, 60_000, "consumer group of " + connector + " not stable");
        }
    }

    private static String restGet(String url) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void hundredThousandObjectsAreEachDeliveredExactlyOnceAndTheKeyNeverShows() throws Exception {
        simulator(100_000, FaultPlan.none());
        String topic = "braze-a";
        connect.kafka().createTopic(topic, 4);
        connect.configureConnector("braze-a", connectorConfig(topic, 100_000));
        awaitRunning("braze-a");
        awaitGroupStable("braze-a", 2);
        produce(topic, 0, 100_000, i -> null);
        awaitAllAccepted(sim, 0, 100_000, 600_000);

        Map<Long, Long> seqs = acceptedSeqs(sim);
        assertEquals(100_000, seqs.size());
        assertTrue(seqs.values().stream().allMatch(n -> n == 1), "some object was delivered twice without a fault");
        SimulatorStats stats = sim.stats();
        assertEquals(0, stats.userConcurrencyViolations(), "a user was in two concurrent requests");
        assertEquals(0, stats.tooManyRequestsTotal());
        assertTrue(stats.averageObjectsPerRequest() > 60, "objects per request " + stats.averageObjectsPerRequest());

        // (e) the key came from the file provider and shows neither in the REST config nor in the worker's logs
        String restConfig = restGet(connect.endpointForResource("connectors/braze-a/config"));
        assertTrue(restConfig.contains("${file:"), restConfig);
        assertFalse(restConfig.contains(SECRET_KEY), "API key in GET /connectors/braze-a/config");
        String logs = CAPTURED_LOGS.toString();
        assertTrue(logs.contains("Braze sink task"), "log capture works");
        assertFalse(logs.contains(SECRET_KEY), "API key in the worker log");
        connect.deleteConnector("braze-a");
    }

    @Test
    void faultsLoseNothingAndDuplicatesOnlyComeFromRequestsBrazeAppliedBeforeFailing() throws Exception {
        FaultPlan faults = FaultPlan.builder().seed(42).forcedTooManyRequests(40).serverErrorProbability(0.10)
                .serverErrorCodes(500, 502, 503, 504).appliedBeforeFailureProbability(0.5)
                .connectionResetProbability(0.03).build();
        simulator(100_000, faults);
        String topic = "braze-b";
        connect.kafka().createTopic(topic, 4);
        connect.configureConnector("braze-b", connectorConfig(topic, 100_000));
        awaitRunning("braze-b");
        awaitGroupStable("braze-b", 2);
        produce(topic, 0, 10_000, i -> null);
        awaitAllAccepted(sim, 0, 10_000, 300_000);

        Map<Long, Long> seqs = acceptedSeqs(sim);
        long duplicates = seqs.values().stream().mapToLong(n -> n - 1).sum();
        SimulatorStats stats = sim.stats();
        System.out.printf("faults: 429s=%d 5xx=%d (applied before failing: %d) resets=%d duplicates=%d%n",
                stats.tooManyRequestsTotal(), stats.injectedServerErrors(), stats.appliedThenFailed(),
                stats.connectionResets(), duplicates);
        assertTrue(stats.injectedServerErrors() > 0 && stats.connectionResets() > 0 && stats.tooManyRequestsTotal() >= 40,
                "the faults really happened: " + stats);
        // Braze has no idempotency key: a retried request that was applied before its 5xx duplicates its objects;
        // resets and 429s happen before anything is applied, so they never duplicate.
        assertTrue(duplicates <= stats.appliedThenFailed() * 75, "duplicates " + duplicates + " beyond what "
                + stats.appliedThenFailed() + " applied-then-failed requests explain");
        assertEquals(0, stats.userConcurrencyViolations());
        connect.deleteConnector("braze-b");
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithContextWhileTheRestFlow() throws Exception {
        simulator(100_000, FaultPlan.builder().objectErrorMarker("POISON").build());
        String topic = "braze-c";
        connect.kafka().createTopic(topic, 2);
        connect.kafka().createTopic("braze-c-dlq", 1);
        produce(topic, 0, 2_000, i -> i % 100 == 7 ? "{\"braze_type\":\"pageview\",\"external_id\":\"U-1\"}"
                : i % 100 == 9 ? "{\"braze_type\":\"event\",\"external_id\":\"U-" + i + "\",\"name\":\"POISON\","
                                 + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + i + "}}"
                : null);
        Map<String, String> config = connectorConfig(topic, 100_000);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "braze-c-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.configureConnector("braze-c", config);
        awaitRunning("braze-c");

        ConsumerRecords<byte[], byte[]> dlq = connect.kafka().consume(40, 120_000, "braze-c-dlq");
        assertEquals(40, dlq.count());
        int shapeErrors = 0;
        int brazeErrors = 0;
        for (ConsumerRecord<byte[], byte[]> record : dlq) {
            String message = header(record, "__connect.errors.exception.message");
            assertEquals(topic, header(record, "__connect.errors.topic"));
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.contains("pageview")) {
                shapeErrors++;
                assertTrue(message.contains("braze_type"), message);
            } else {
                brazeErrors++;
                assertTrue(value.contains("POISON") && message.contains("Braze rejected the event"), message);
            }
        }
        assertEquals(20, shapeErrors);
        assertEquals(20, brazeErrors);
        TestUtils.waitForCondition(() -> acceptedSeqs(sim).size() == 1_960, 120_000, "good records delivered");
        assertTrue(acceptedSeqs(sim).keySet().stream().noneMatch(s -> s % 100 == 7 || s % 100 == 9));
        connect.deleteConnector("braze-c");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aWorkerRestartMidStreamLosesNothing() throws Exception {
        // a low quota keeps the stream going long enough to restart the worker in the middle of it
        simulator(30, FaultPlan.none());
        String topic = "braze-d";
        connect.kafka().createTopic(topic, 4);
        produce(topic, 0, 8_000, i -> null);
        connect.configureConnector("braze-d", connectorConfig(topic, 30));
        awaitRunning("braze-d");
        TestUtils.waitForCondition(() -> sim.acceptedCount() > 1_000, 120_000, "stream under way");
        connect.removeWorker();
        connect.addWorker();
        awaitRunning("braze-d");
        int before = acceptedSeqs(sim).size();
        assertTrue(before < 8_000, "restarted mid-stream (" + before + " delivered)");
        awaitAllAccepted(sim, 0, 8_000, 300_000);
        long duplicates = acceptedSeqs(sim).values().stream().mapToLong(n -> n - 1).sum();
        System.out.println("restart: duplicates from redelivery of uncommitted records: " + duplicates);
        assertEquals(0, sim.stats().userConcurrencyViolations());
        connect.deleteConnector("braze-d");
    }

    /**
     * Issue 12, item 1 on real parts: two connectors on one workspace, one of them with a task whose partitions
     * drain early, must together use the whole limit (they paced at quota x share / tasks before: 0.76 with two
     * tasks) and stay within it.
     */
    @Test
    void twoConnectorsAndASkewedTaskTogetherUseTheWholeQuota() throws Exception {
        int limit = 30; // per 3 s window
        simulator(limit, FaultPlan.none());
        connect.kafka().createTopic("quota-a", 4);
        connect.kafka().createTopic("quota-b", 1);
        // quota-a: partitions 0 and 1 hold 10,000 objects each, 2 and 3 only 1,000 (the task reading them drains
        // early); quota-b, read by a second connector, 5,000
        int[] perPartition = {10_000, 10_000, 1_000, 1_000};
        int seq = 0;
        for (int p = 0; p < 4; p++) {
            produceTo("quota-a", p, seq, perPartition[p]);
            seq += perPartition[p];
        }
        produceTo("quota-b", 0, seq, 5_000);
        int total = seq + 5_000;
        Map<String, String> a = connectorConfig("quota-a", limit);
        Map<String, String> b = connectorConfig("quota-b", limit);
        b.put("tasks.max", "1");
        connect.configureConnector("quota-a", a);
        connect.configureConnector("quota-b", b);
        try {
            awaitAllAccepted(sim, 0, total, 300_000);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + diagnose("quota-a") + "; " + diagnose("quota-b"), e);
        }

        SimulatorStats stats = sim.stats();
        double use = stats.fullWindowUse(BrazeSimulator.USERS_TRACK, limit);
        // The start-up window is left out of the 429 count: the tasks start knowing nothing of each other, each
        // sends its probe, and the validate() calls of the two connectors spend requests there too (README, "Pacing").
        Map<Long, Long> perWindow = stats.tooManyRequestsPerWindow(BrazeSimulator.USERS_TRACK);
        long max429 = perWindow.values().stream().skip(1).mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("two connectors, skewed tasks: quota use %.3f, 429s %d (max %d in a window), "
                        + "objects/request %.1f of 75%n", use, stats.tooManyRequestsTotal(), max429,
                stats.averageObjectsPerRequest());
        assertTrue(use >= 0.95, "quota use " + use + " per full window: " + stats.requestsPerWindow(BrazeSimulator.USERS_TRACK));
        assertTrue(max429 <= 1, max429 + " 429s in one window after the start-up one: " + perWindow);
        assertEquals(0, stats.userConcurrencyViolations());

        // the task metrics are the worker's own (KIP-877 plugin metrics), on JMX under Connect's names
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var names = server.queryNames(new javax.management.ObjectName("kafka.connect:type=plugins,*"), null);
        System.out.println("plugin metrics MBeans: " + names);
        var task0 = names.stream().filter(n -> "quota-a".equals(n.getKeyProperty("connector"))
                && "0".equals(n.getKeyProperty("task"))).findFirst().orElseThrow(() -> new AssertionError(names));
        double rate = ((Number) server.getAttribute(task0, "track-request-rate")).doubleValue();
        double requests = ((Number) server.getAttribute(task0, "track-request-total")).doubleValue();
        System.out.println(task0 + ": track-request-rate " + rate + ", track-request-total " + requests + ", attributes "
                + java.util.Arrays.stream(server.getMBeanInfo(task0).getAttributes()).map(i -> i.getName()).toList());
        // each task its own (regression: sensors are found by name in the worker's one registry, so every task's
        // metrics showed the sum of all tasks of all connectors)
        long allRequests = stats.requests(BrazeSimulator.USERS_TRACK);
        assertTrue(requests > 0 && requests < allRequests, "task 0's track-request-total " + requests + " of "
                + allRequests + " requests in all");
        connect.deleteConnector("quota-a");
        connect.deleteConnector("quota-b");
    }

    /** What a connector's tasks are doing and what its group committed, for a failure message. */
    private String diagnose(String connector) {
        StringBuilder out = new StringBuilder(connector + ": ");
        try (var admin = connect.kafka().createAdminClient()) {
            out.append(restGet(connect.endpointForResource("connectors/" + connector + "/status")));
            out.append(" committed ").append(admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata().get());
            var group = admin.describeConsumerGroups(List.of("connect-" + connector)).all().get().get("connect-" + connector);
            group.members().forEach(m -> out.append(" member ").append(m.clientId()).append(" has ")
                    .append(m.assignment().topicPartitions()));
        } catch (Exception e) {
            out.append(" (diagnosis failed: ").append(e).append(')');
        }
        // where the task's sender threads are (the worker runs in this JVM)
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("braze-sender-" + connector)) {
                out.append("\n").append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    out.append("\n    at ").append(stack[i]);
                }
            }
        });
        return out.toString();
    }

    private static void produceTo(String topic, int partition, int from, int count) {
        try {
            // each partition its own users, as on the canonical topics keyed by customer_ref: the sink keeps a user
            // out of concurrent requests within a task, and cannot across tasks or connectors
            BrazeSinkTraffic.produce(connect.kafka(), topic, from, count, i -> new ProducerRecord<>(topic, partition, null,
                    BrazeSinkTraffic.event(i, topic + "-" + partition + "-" + (i % 1_000))));
        } catch (Exception e) {
            throw new AssertionError("producing the test records failed", e);
        }
    }
}
