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

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafkaCluster(1, new Properties());
        kafka.start();
        kafka.createTopic(TOPIC, 2);
        kafka.createTopic(EXPORTER_TOPIC, 2);
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
        consumeAndCommit(SINK_GROUP, TOPIC, Map.of(0, 7L, 1, 6L));
        consumeAndCommit(OTHER_GROUP, TOPIC, Map.of(0, 2L));
        consumeAndCommit(EXPORTER_GROUP, EXPORTER_TOPIC, Map.of(0, 1L, 1, 1L));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    /** Really reads the partitions with the group, then commits the given offsets (as a consumer that processed that far). */
    private static void consumeAndCommit(String group, String topic, Map<Integer, Long> commits) throws Exception {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
                assertEquals(TOPIC, row.path("topic").asText());
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

        for (JsonNode row : rows) {
            if (row.path("partition").asInt() == 0) {
                assertTrue(row.path("lag_seconds").isNull(), "one sample cannot estimate seconds: " + row);
                assertEquals("UNKNOWN", row.path("status").asText());
            } else {
                assertEquals(0.0, row.path("lag_seconds").asDouble());
                assertEquals("OK", row.path("status").asText());
            }
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
        assertEquals(List.of(OTHER_GROUP, TOPIC, "0", "2", "10", "8", "n/a", "UNKNOWN"), List.of(lines.get(1).split("\\s+")));
        List<Long> tool = kafkaConsumerGroupsDescribe(OTHER_GROUP).get(0);
        assertEquals(List.of(2L, 10L, 8L), tool, "the setup itself");
    }

    @Test
    void prometheusEndpointServesLagSecondsAndStatusAfterTwoRounds() throws Exception {
        try (Admin admin = kafka.createAdminClient();
             PrometheusLagExporter exporter = new PrometheusLagExporter("127.0.0.1", 0)) {
            OffsetSampler sampler = new OffsetSampler(admin, new GroupSelector(Set.of(), java.util.regex.Pattern.compile(EXPORTER_GROUP)),
                    IsolationLevel.READ_UNCOMMITTED, Clock.systemUTC(), Duration.ofSeconds(30));
            LagMonitor monitor = new LagMonitor(10, 60, new StatusEvaluator(Duration.ofMinutes(5)));
            exporter.publish(monitor.update(sampler.sample()));
            String first = scrape(exporter.port());
            assertTrue(first.contains("ticketstream_consumer_lag_records{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\"" + EXPORTER_TOPIC + "\"} 3"), first);
            assertTrue(!first.contains("ticketstream_consumer_lag_seconds{group=\"" + EXPORTER_GROUP + "\",partition=\"0\""),
                    "no seconds series before a second sample:\n" + first);

            for (int i = 0; i < 5; i++) {
                kafka.produce(EXPORTER_TOPIC, 0, "more" + i, "v");
            }
            List<PartitionLag> second = new ArrayList<>();
            TestUtils.waitForCondition(() -> {
                second.clear();
                second.addAll(monitor.update(sampler.sample()));
                return second.stream().anyMatch(l -> l.key().partition() == 0 && l.endOffset() == 9);
            }, 30_000, "end offset should reach 15");
            exporter.publish(second);
            String text = scrape(exporter.port());
            assertTrue(text.contains("ticketstream_consumer_lag_records{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\"" + EXPORTER_TOPIC + "\"} 8"), text);
            assertTrue(text.matches("(?s).*ticketstream_consumer_lag_seconds\\{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",topic=\"" + EXPORTER_TOPIC.replace(".", "\\.") + "\"} [0-9.eE+-]+\n.*"), text);
            assertTrue(text.contains("ticketstream_consumer_lag_seconds{group=\"" + EXPORTER_GROUP + "\",partition=\"1\",topic=\"" + EXPORTER_TOPIC + "\"} 0"), text);
            assertTrue(text.contains("ticketstream_consumer_lag_status{group=\"" + EXPORTER_GROUP + "\",partition=\"1\",status=\"OK\",topic=\"" + EXPORTER_TOPIC + "\"} 0"), text);
            // partition 0: committed 1 both times, lag 3 -> 8: not moving with lag is STALL (the window is 2 samples, far below --stop-after)
            assertTrue(text.contains("ticketstream_consumer_lag_status{group=\"" + EXPORTER_GROUP + "\",partition=\"0\",status=\"STALL\",topic=\"" + EXPORTER_TOPIC + "\"} 2"), text);
        }
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
