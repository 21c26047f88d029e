package io.ticketstream.ops.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.ops.CliRun;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.lag.render.PrometheusLagExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.test.TestUtils;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lag} on a real in-process KRaft broker: groups that really consumed and committed at known offsets, and
 * the numbers checked against Kafka's own {@code kafka-consumer-groups --describe} on the same cluster.
 */
class LagAgainstBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "ticketing.order.v1";
    private static final String SINK_GROUP = "connect-snowflake-canonical";
    private static final String OTHER_GROUP = "someone-else";
    // the exporter test produces more records: it gets a topic and group of its own so test order does not matter
    private static final String EXPORTER_TOPIC = "ticketing.customer-change.v1";
    private static final String EXPORTER_GROUP = "connect-braze-users";

    // written in transactions, as the exactly-once streams app writes every canonical topic
    private static final String TX_TOPIC = "ticketing.ticket-sale.v1";
    private static final String TX_CAUGHT_UP = "connect-braze-users-tx";
    private static final String TX_HALFWAY = "connect-snowflake-tx";
    private static final String STREAMS_APP_ID = "an-app-id-nobody-configured";

    private static EmbeddedKafkaCluster kafka;
    private static long setupStartedMs;

    @BeforeAll
    static void start() throws Exception {
        setupStartedMs = System.currentTimeMillis();
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
        kafka.createTopic(TOPIC, 2);
        kafka.createTopic(EXPORTER_TOPIC, 2);
        kafka.createTopic(TX_TOPIC, 2);
        writeTransactions();
        consumeAndCommitPosition(TX_CAUGHT_UP, TX_TOPIC);
        consumeAndCommit(TX_HALFWAY, TX_TOPIC, Map.of(0, 6L), "read_committed");
        for (int i = 0; i < 10; i++) {
            kafka.produce(TOPIC, 0, "k" + i, "v" + i);
        }
        for (int i = 0; i < 6; i++) {
            kafka.produce(TOPIC, 1, "k" + i, "v" + i);
        }
        for (int i = 0; i < 4; i++) {
            kafka.produce(EXPORTER_TOPIC, 0, "c" + i, "v" + i);
        }
        kafka.produce(EXPORTER_TOPIC, 1, "c", "v");
        consumeAndCommit(SINK_GROUP, TOPIC, Map.of(0, 7L, 1, 6L), "read_uncommitted");
        consumeAndCommit(OTHER_GROUP, TOPIC, Map.of(0, 2L), "read_uncommitted");
        consumeAndCommit(EXPORTER_GROUP, EXPORTER_TOPIC, Map.of(0, 1L, 1, 1L), "read_uncommitted");
    }

    /**
     * Partition 0: two committed transactions of 5 records (data 0-4, marker 5, data 6-10, marker 11), then an aborted
     * one (data 12-14, marker 15): end offset 16, last data record a read_committed consumer can get at 10.
     * Partition 1: one committed transaction of 3 records (data 0-2, marker 3).
     */
    private static void writeTransactions() {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-test-tx");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int tx = 0; tx < 3; tx++) {
                producer.beginTransaction();
                for (int i = 0; i < (tx == 2 ? 3 : 5); i++) {
                    producer.send(new ProducerRecord<>(TX_TOPIC, 0, null, ("sale-" + tx + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
                if (tx == 0) {
                    for (int i = 0; i < 3; i++) {
                        producer.send(new ProducerRecord<>(TX_TOPIC, 1, null, ("p1-" + i).getBytes(StandardCharsets.UTF_8)));
                    }
                }
                if (tx == 2) {
                    producer.flush();
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                }
            }
        }
    }

    /**
     * A read_committed consumer that reads every record and commits the offset after the last one it received,
     * as a Connect sink task does: the commit markers after it remain.
     */
    private static void consumeAndCommitPosition(String group, String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group, "read_committed")) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
            TestUtils.waitForCondition(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    last.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                return last.size() == 2 && last.get(partitions.get(0)).offset() == 11 && last.get(partitions.get(1)).offset() == 3;
            }, 60_000, "consumer " + group + " should read all 13 committed records");
            consumer.commitSync(last);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    /** Really reads the partitions with the group, then commits the given offsets (as a consumer that processed that far). */
    private static void consumeAndCommit(String group, String topic, Map<Integer, Long> commits, String isolation) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group, isolation)) {
            List<TopicPartition> partitions = commits.keySet().stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            long wanted = commits.values().stream().mapToLong(Long::longValue).sum();
            long[] seen = {0};
            TestUtils.waitForCondition(() -> {
                seen[0] += consumer.poll(Duration.ofMillis(200)).count();
                return seen[0] >= wanted;
            }, 60_000, "consumer " + group + " should read " + wanted + " records");
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            commits.forEach((p, o) -> offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
            consumer.commitSync(offsets);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group, String isolation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** partition -> [committed, end, lag] as Kafka's own tool prints them. */
    private static Map<Integer, List<Long>> kafkaConsumerGroupsDescribe(String group) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("kafka-consumer-groups exited " + code + ": " + message);
        });
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ConsumerGroupCommand.main(new String[] {"--bootstrap-server", kafka.bootstrapServers(), "--describe", "--group", group});
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        Map<Integer, List<Long>> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].equals("GROUP")) {
                inTable = true;
            } else if (inTable && cells.length >= 6 && cells[0].equals(group)) {
                rows.put(Integer.parseInt(cells[2]), List.of(Long.parseLong(cells[3]), Long.parseLong(cells[4]), Long.parseLong(cells[5])));
            }
        }
        assertTrue(!rows.isEmpty(), "could not parse kafka-consumer-groups output:\n" + text);
        return rows;
    }

    private static Map<Integer, List<Long>> ours(JsonNode rows, String group) {
        Map<Integer, List<Long>> result = new TreeMap<>();
        for (JsonNode row : rows) {
            if (row.path("group").asText().equals(group)) {
                result.put(row.path("partition").asInt(), List.of(row.path("committed_offset").asLong(),
                        row.path("end_offset").asLong(), row.path("lag_records").asLong()));
            }
        }
        return result;
    }

    @Test
    void defaultSelectionAgreesWithKafkaConsumerGroupsTool() throws Exception {
        CliRun run = CliRun.of("lag", "--bootstrap-server", kafka.bootstrapServers(), "-o", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode rows = JSON.readTree(run.out());

        Map<Integer, List<Long>> expected = kafkaConsumerGroupsDescribe(SINK_GROUP);
        assertEquals(Map.of(0, List.of(7L, 10L, 3L), 1, List.of(6L, 6L, 0L)), expected, "the setup itself");
        assertEquals(expected, ours(rows, SINK_GROUP));
        assertEquals(Map.of(), ours(rows, OTHER_GROUP), "only the streams app's and connect-* groups by default");

        double ageBound = (System.currentTimeMillis() - setupStartedMs) / 1000.0;
        for (JsonNode row : rows) {
            if (!row.path("group").asText().equals(SINK_GROUP)) {
                continue;
            }
            if (row.path("partition").asInt() == 0) {
                // one look already says how old the oldest unconsumed record is (its timestamp), not n/a
                double seconds = row.path("lag_seconds").asDouble(-1);
                assertTrue(seconds >= 0 && seconds <= ageBound, "written during this test's set-up: " + row);
                assertEquals("UNKNOWN", row.path("status").asText(), "one sample with lag cannot tell progress from a stall");
            } else {
                assertEquals(0.0, row.path("lag_seconds").asDouble());
                assertEquals("OK", row.path("status").asText());
            }
        }
    }

    /**
     * The defect this guards: every canonical topic is written in transactions, so its log ends in a commit marker
     * and a sink that read every record still shows end - committed = 1 (Kafka's own tool says so); with a window
     * that lag never moves and the status became STALL, and the shipped alert paged. Lag is now counted in data
     * records: 0 records, 0 s, OK, on every round; and a group halfway is behind by exactly its unread records.
     */
    @Test
    void commitMarkersAndAbortedRecordsAreNotLagOnATransactionalTopic() throws Exception {
        Map<Integer, List<Long>> tool = kafkaConsumerGroupsDescribe(TX_CAUGHT_UP);
        assertEquals(Map.of(0, List.of(11L, 16L, 5L), 1, List.of(3L, 4L, 1L)), tool,
                "Kafka's tool counts the markers (and, at the default isolation, the aborted records) as lag");

        CliRun run = CliRun.of("lag", "--bootstrap-server", kafka.bootstrapServers(), "-o", "json",
                "--group", TX_CAUGHT_UP + "|" + TX_HALFWAY, "--samples", "3", "--interval", "200ms");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode rows = JSON.readTree(run.out());
        assertEquals(3, rows.size(), run.toString());
        for (JsonNode row : rows) {
            if (row.path("group").asText().equals(TX_CAUGHT_UP)) {
                assertEquals(0, row.path("lag_records").asLong(), row.toString());
                assertEquals(0.0, row.path("lag_seconds").asDouble(-1), row.toString());
                assertEquals("OK", row.path("status").asText(), "three samples without progress must not be a STALL: " + row);
            } else {
                // committed 6: data 6-10 unread, marker 11, aborted 12-14, marker 15; end (last stable offset) 16
                assertEquals(0, row.path("partition").asInt());
                assertEquals(16, row.path("end_offset").asLong(), row.toString());
                assertEquals(11, row.path("data_end_offset").asLong(), row.toString());
                assertEquals(5, row.path("lag_records").asLong(), row.toString());
                assertTrue(row.path("lag_seconds").asDouble(-1) >= 0, row.toString());
                assertEquals("STALL", row.path("status").asText(), "halfway with no progress across the window: " + row);
            }
        }

        CliRun uncommitted = CliRun.of("lag", "--bootstrap-server", kafka.bootstrapServers(), "-o", "json",
                "--group", TX_CAUGHT_UP, "--isolation", "read_uncommitted");
        JsonNode p0 = stream(JSON.readTree(uncommitted.out())).filter(r -> r.path("partition").asInt() == 0).findFirst().orElseThrow();
        assertEquals(4, p0.path("lag_records").asLong(),
                "read_uncommitted consumers do receive the aborted records 12-14 (then the marker): " + uncommitted);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    /**
     * One name everywhere for the streams app's group, and a Streams app with any other application.id is found by
     * its members' assignor: the default selection watches it without being told its name.
     */
    @Test
    void aRunningKafkaStreamsAppIsWatchedWhateverItsApplicationId() throws Exception {
        assertEquals("ticketstream", io.ticketstream.ops.command.LagCommand.DEFAULT_STREAMS_GROUP);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, STREAMS_APP_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestUtils.tempDirectory().getAbsolutePath());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(TOPIC, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).foreach((k, v) -> { });
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            TestUtils.waitForCondition(() -> {
                CliRun run = CliRun.of("lag", "--bootstrap-server", kafka.bootstrapServers(), "-o", "json");
                return stream(JSON.readTree(run.out())).anyMatch(r -> r.path("group").asText().equals(STREAMS_APP_ID)
                        && r.path("lag_records").asLong() == 0);
            }, 120_000, "the default selection should list the running Streams app, caught up, by itself");
        }
    }

    @Test
    void groupRegexAndTableOutput() {
        CliRun run = CliRun.of("lag", "--bootstrap-server", kafka.bootstrapServers(), "--group", "someone-.*");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "LAG-SECONDS", "STATUS"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(2, lines.size(), run.toString());
        List<String> cells = List.of(lines.get(1).split("\\s+"));
        assertEquals(List.of(OTHER_GROUP, TOPIC, "0", "2", "10", "8"), cells.subList(0, 6));
        assertTrue(cells.get(6).matches("[0-9]+\\.[0-9]"), "seconds from the first look: " + run);
        assertEquals("UNKNOWN", cells.get(7));
        List<Long> tool = kafkaConsumerGroupsDescribe(OTHER_GROUP).get(0);
        assertEquals(List.of(2L, 10L, 8L), tool, "the setup itself");
    }

    @Test
    void prometheusEndpointServesLagSecondsStatusAndItsOwnHealth() throws Exception {
        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = kafka.createAdminClient();
             DataRecordProbe probe = new DataRecordProbe(client, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30));
             PrometheusLagExporter exporter = new PrometheusLagExporter("127.0.0.1", 0)) {
            OffsetSampler sampler = new OffsetSampler(admin, new GroupSelector(Set.of(), java.util.regex.Pattern.compile(EXPORTER_GROUP)),
                    IsolationLevel.READ_COMMITTED, Clock.systemUTC(), Duration.ofSeconds(30), probe);
            LagMonitor monitor = new LagMonitor(10, new StatusEvaluator(Duration.ofMinutes(5)));
            String before = scrape(exporter.port());
            assertTrue(before.contains("ticketstream_lag_exporter_up 0"), "no round yet:\n" + before);

            Snapshot firstRound = sampler.sample();
            exporter.publish(monitor.update(firstRound), firstRound.timestampMs());
            String first = scrape(exporter.port());
            assertTrue(first.contains("ticketstream_consumer_lag_records{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\"" + EXPORTER_TOPIC + "\"} 3"), first);
            assertTrue(first.matches("(?s).*ticketstream_consumer_lag_seconds\\{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\""
                    + EXPORTER_TOPIC.replace(".", "\\.") + "\"} [0-9.eE+-]+\n.*"), "seconds from the first round:\n" + first);
            assertTrue(first.contains("ticketstream_lag_exporter_up 1"), first);
            assertTrue(first.contains("ticketstream_lag_exporter_last_success_timestamp_seconds "), first);

            for (int i = 0; i < 5; i++) {
                kafka.produce(EXPORTER_TOPIC, 0, "more" + i, "v");
            }
            List<PartitionLag> second = new ArrayList<>();
            TestUtils.waitForCondition(() -> {
                second.clear();
                second.addAll(monitor.update(sampler.sample()));
                return second.stream().anyMatch(l -> l.key().partition() == 0 && l.endOffset() == 9);
            }, 30_000, "end offset should reach 9");
            exporter.publish(second, System.currentTimeMillis());
            String text = scrape(exporter.port());
            assertTrue(text.contains("ticketstream_consumer_lag_records{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\"" + EXPORTER_TOPIC + "\"} 8"), text);
            assertTrue(text.contains("ticketstream_consumer_lag_seconds{group=\"" + EXPORTER_GROUP + "\",partition=\"1\",topic=\"" + EXPORTER_TOPIC + "\"} 0"), text);
            assertTrue(text.contains("ticketstream_consumer_lag_status{group=\"" + EXPORTER_GROUP + "\",partition=\"1\",status=\"OK\",topic=\"" + EXPORTER_TOPIC + "\"} 0"), text);
            // partition 0: committed 1 in every round, lag 3 -> 8: not moving with lag is STALL (far below --stop-after)
            assertTrue(text.contains("ticketstream_consumer_lag_status{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",status=\"STALL\",topic=\"" + EXPORTER_TOPIC + "\"} 2"), text);

            // Kafka gone: the old numbers must not be served as if current, and the exporter says it is down
            exporter.failed();
            String down = scrape(exporter.port());
            assertTrue(down.contains("ticketstream_lag_exporter_up 0"), down);
            assertTrue(!down.contains("ticketstream_consumer_lag_records{"), "no stale lag series:\n" + down);
            assertTrue(down.contains("ticketstream_lag_exporter_last_success_timestamp_seconds "), "when the numbers were last good:\n" + down);
        }
    }

    /** The defect this guards: {@code error: null} after 32 s. Now at once, with the cause in words, exit 3. */
    @Test
    void unreachableKafkaFailsAtOnceWithTheCauseInWords() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        CliRun run = CliRun.of("lag", "--bootstrap-server", "127.0.0.1:" + closedPort);
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot reach Kafka at 127.0.0.1:" + closedPort + ": 127.0.0.1:" + closedPort
                + ": Connection refused"), run.toString());
        assertTrue(!run.err().contains("null"), run.toString());
        // not a timing assertion on the machine's speed: the Admin timeout (30 s) must simply not have been waited out
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(25).toNanos(), "failed fast: " + run);

        CliRun unknownHost = CliRun.of("lag", "--bootstrap-server", "no-such-broker.invalid:9092");
        assertEquals(ExitCodes.UNREACHABLE, unknownHost.exitCode(), unknownHost.toString());
        assertTrue(unknownHost.err().contains("unknown host no-such-broker.invalid"), unknownHost.toString());

        // the exporter keeps serving, says up 0, and logs the cause in words instead of "sampling failed: null"
        CliRun exporter = CliRun.of("lag", "--bootstrap-server", "127.0.0.1:" + closedPort, "--prometheus", "0",
                "--prometheus-host", "127.0.0.1", "--rounds", "1", "--timeout", "3s");
        assertEquals(ExitCodes.OK, exporter.exitCode(), exporter.toString());
        assertTrue(exporter.err().contains("sampling failed: cannot reach Kafka at 127.0.0.1:" + closedPort), exporter.toString());
        assertTrue(!exporter.err().contains("null"), exporter.toString());
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
