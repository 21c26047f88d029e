package io.ticketstream.it.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.testsupport.connect.PluginPath;
import io.ticketstream.testsupport.process.JavaProcess;

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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedKafkaCluster kafka;

    @TempDir
    Path dir;

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
            produce();
            Path props = workerProperties();
            Path log4j = log4jConfig();
            int accepted;
            int inFlightAtKill;
            String firstWorkerLog;
            try (JavaProcess first = startWorker(props, log4j, "worker-1.log")) {
                String rest = awaitRest(first, props);
                put(rest + "/connectors/" + CONNECTOR + "/config", connectorConfig(sim));
                TestUtils.waitForCondition(() -> sim.acceptedCount() >= KILL_AFTER, 240_000, 500,
                        () -> "stream under way: " + sim.acceptedCount() + " accepted");
                inFlightAtKill = sim.inFlightRequests();
                first.kill();
                accepted = sim.acceptedCount();
                firstWorkerLog = first.log();
            }
            assertTrue(accepted < OBJECTS, "killed mid-stream (" + accepted + " of " + OBJECTS + " delivered)");
            Path secondProps = workerProperties();
            try (JavaProcess second = startWorker(secondProps, log4j, "worker-2.log")) {
                awaitRest(second, secondProps);
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
                                + "user concurrency violations %d", accepted, OBJECTS, inFlightAtKill, duplicates,
                        bound, TASKS, MAX_IN_FLIGHT, OBJECTS - seqs.size(), stats.userConcurrencyViolations());
                System.out.println(report);
                Files.writeString(Path.of("target", "braze-kill-test.txt"), report + "\n");
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

    private void produce() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ACKS_CONFIG, "all"))) {
            List<Future<?>> sends = new ArrayList<>(OBJECTS);
            for (int i = 0; i < OBJECTS; i++) {
                String user = "U-" + (i % 3_000);
                String json = i % 4 == 0
                        ? "{\"braze_type\":\"purchase\",\"external_id\":\"" + user + "\",\"product_id\":\"perf-" + (i % 50)
                          + "\",\"currency\":\"GBP\",\"price\":\"42.50\",\"time\":\"2027-03-01T08:30:00Z\","
                          + "\"properties\":{\"seq\":" + i + "}}"
                        : "{\"braze_type\":\"event\",\"external_id\":\"" + user + "\",\"name\":\"ticket_viewed\","
                          + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + i + "}}";
                // keyed by a random-ish spread, not by user: one user's records land on several partitions
                sends.add(producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, null, json)));
            }
            producer.flush();
            for (Future<?> send : sends) {
                send.get();
            }
        }
    }

    private Path workerProperties() throws IOException {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "braze-kill-workers");
        props.put("config.storage.topic", "braze-kill-configs");
        props.put("offset.storage.topic", "braze-kill-offsets");
        props.put("status.storage.topic", "braze-kill-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter.schemas.enable", "false");
        props.put("listeners", "http://127.0.0.1:" + freePort());
        props.put("plugin.path", PluginPath.assembledWith("connect-braze-sink").toString());
        props.put("plugin.discovery", "service_load");
        // Connect's own default: the sink's commit requests, not a short interval, must keep the offsets current
        props.put("offset.flush.interval.ms", "60000");
        // the dead worker's tasks and consumers are given up quickly (defaults: 5 min and 45 s)
        props.put("scheduled.rebalance.max.delay.ms", "0");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("consumer.session.timeout.ms", "6000");
        props.put("consumer.heartbeat.interval.ms", "1000");
        Path file = Files.createTempFile(dir, "worker-", ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "forked Connect worker of BrazeSinkWorkerKillTest");
        }
        return file;
    }

    private Path log4jConfig() throws IOException {
        Path file = dir.resolve("worker-log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                // Connect's own pattern: %X{connector.context} is "[name|task-n] " on Connect's threads
                "appender.out.layout.pattern = [%d] %p %X{connector.context}%m (%c:%t)%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "logger.braze.name = io.ticketstream",
                "logger.braze.level = INFO", ""));
        return file;
    }

    private JavaProcess startWorker(Path props, Path log4j, String logName) {
        return JavaProcess.builder("org.apache.kafka.connect.cli.ConnectDistributed")
                .jvmArg("-Xmx512m")
                .systemProperty("log4j2.configurationFile", log4j.toString())
                .args(props.toString())
                .log(Path.of("target", logName))
                .start();
    }

    /** Waits for the worker's REST API and returns its base URL. */
    private static String awaitRest(JavaProcess worker, Path props) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(props)) {
            p.load(in);
        }
        String base = p.getProperty("listeners");
        TestUtils.waitForCondition(() -> {
            if (!worker.isAlive()) {
                throw new AssertionError("worker died:\n" + worker.log());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/connectors")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, 180_000, 500, () -> "worker REST API at " + base);
        return base;
    }

    private static void put(String url, Map<String, String> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, "PUT " + url + ": " + response.statusCode() + " " + response.body());
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

    /** seq → times Braze (the simulator) accepted it, over events and purchases. */
    private static Map<Long, Long> seqs(BrazeSimulator sim) {
        List<AcceptedObject> objects = new ArrayList<>(sim.acceptedEvents());
        objects.addAll(sim.acceptedPurchases());
        return objects.stream().map(o -> o.json().path("properties").path("seq")).filter(JsonNode::isNumber)
                .collect(Collectors.groupingBy(JsonNode::asLong, TreeMap::new, Collectors.counting()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
