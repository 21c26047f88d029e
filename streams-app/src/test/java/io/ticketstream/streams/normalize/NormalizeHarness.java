package io.ticketstream.streams.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.normalize.envelope.Json;

/**
 * The normalisation stage alone on a TopologyTestDriver: raw topics in, each mapping's rows written to
 * {@code out.<mapping>} through {@link NormalizedRowSerde} (so every assertion also crosses the serde), the
 * DLQ read as raw bytes.
 */
final class NormalizeHarness implements AutoCloseable {

    static final String DLQ = "ticketing.streams.dlq";

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, NormalizedRow>> outputs = new HashMap<>();
    private final TestOutputTopic<byte[], byte[]> dlq;

    NormalizeHarness() {
        this(MappingCatalog.loadDefault());
    }

    NormalizeHarness(MappingCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        NormalizeStage stage = new NormalizeStage(catalog, DLQ);
        Map<String, String> raw = new HashMap<>();
        catalog.names().forEach(name -> raw.put(name, AppConfig.RAW_TOPIC_DEFAULTS.getOrDefault(name, "raw." + name)));
        stage.attach(builder, raw).forEach((name, rows) ->
                rows.to("out." + name, Produced.with(Serdes.String(), new NormalizedRowSerde())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "normalize-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.putAll(stage.streamsConfig());
        driver = new TopologyTestDriver(builder.build(), props);
        raw.forEach((name, topic) -> {
            inputs.put(name, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
            outputs.put(name, driver.createOutputTopic("out." + name, new StringDeserializer(), new NormalizedRowSerde()));
        });
        dlq = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Pipes every record of a fixture file to the mapping's raw topic: a JSON array of
     * {@code {"key": …, "value": …}} ({@code .json}), or one such object per line ({@code .jsonl}, the
     * captured PostgreSQL format, which adds {@code "topic"}).
     */
    void pipeFixture(String mapping, String resource) {
        for (JsonNode record : fixture(resource)) {
            JsonNode key = record.get("key");
            JsonNode value = record.get("value");
            pipe(mapping, key.isNull() ? null : key.toString(), value.isNull() ? null : value.toString());
        }
    }

    void pipe(String mapping, String key, String value) {
        inputs.get(mapping).pipeInput(key, value);
    }

    List<TestRecord<String, NormalizedRow>> rows(String mapping) {
        return outputs.get(mapping).readRecordsToList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return dlq.readRecordsToList();
    }

    /** Total of a custom normalisation sensor, e.g. {@code skipped-tombstone}, for one mapping. */
    double total(String mapping, String operation) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(operation + "-total"))
                .filter(e -> mapping.equals(e.getKey().tags().get(NormalizeMetrics.SCOPE + "-id")))
                .map(Map.Entry::getValue)
                .mapToDouble(m -> (Double) m.metricValue())
                .sum();
    }

    /** Kafka Streams' own task-level count of records its handlers dropped (dead-lettered here). */
    double droppedRecords() {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")) {
                sum += (Double) e.getValue().metricValue();
            }
        }
        return sum;
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static JsonNode fixture(String resource) {
        try (InputStream in = NormalizeHarness.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            if (resource.endsWith(".jsonl")) {
                var lines = Json.MAPPER.createArrayNode();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(Json.MAPPER.readTree(line));
                    }
                }
                return lines;
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
