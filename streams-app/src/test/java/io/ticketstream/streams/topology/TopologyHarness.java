package io.ticketstream.streams.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production topology in a {@link TopologyTestDriver}: raw Debezium JSON in, canonical records out,
 * read as LISTS so duplicates and intermediate versions stay visible.
 */
public final class TopologyHarness implements AutoCloseable {

    public static final JoinTopics TOPICS = new JoinTopics(CanonicalTopics.CUSTOMER, CanonicalTopics.CUSTOMER_CHANGE,
            CanonicalTopics.PERFORMANCE, CanonicalTopics.ORDER, CanonicalTopics.TICKET_SALE);
    public static final String DLQ = CanonicalTopics.STREAMS_DLQ;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
    private final TestOutputTopic<String, Customer> customers;
    private final TestOutputTopic<String, CustomerChange> customerChanges;
    private final TestOutputTopic<String, Performance> performances;
    private final TestOutputTopic<String, Order> orders;
    private final TestOutputTopic<String, TicketSale> sales;
    private final TestOutputTopic<byte[], byte[]> dlq;
    private final JoinSettings settings;
    private long newestCommit;
    private long wallClock; // the driver starts at 0 and exposes no clock

    public TopologyHarness(Duration saleGrace) {
        this(saleGrace, Map.of());
    }

    /** With extra application settings on top of the defaults (e.g. {@code completeness.max.wait.ms}). */
    public TopologyHarness(Duration saleGrace, Map<String, ?> overrides) {
        AppConfig config = config(saleGrace, overrides);
        assertEquals(RawCdc.RAW_TOPICS, config.rawTopics(), "the test events use the default raw topics");
        assertEquals(TOPICS, TicketstreamTopology.topicsOf(config));
        this.settings = config.joinSettings();
        StreamsBuilder builder = new StreamsBuilder();
        TicketstreamTopology.build(builder, config, RawTopicLayout.onePartitionEach(config.rawTopics().values()));
        driver = new TopologyTestDriver(builder.build(), properties(config), Instant.ofEpochMilli(0));
        config.rawTopics().values().forEach(topic -> inputs.put(topic,
                driver.createInputTopic(topic, new StringSerializer(), new StringSerializer())));
        customers = output(TOPICS.customer(), CanonicalSerdes.customer());
        customerChanges = output(TOPICS.customerChange(), CanonicalSerdes.customerChange());
        performances = output(TOPICS.performance(), CanonicalSerdes.performance());
        orders = output(TOPICS.order(), CanonicalSerdes.order());
        sales = output(TOPICS.ticketSale(), CanonicalSerdes.ticketSale());
        dlq = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The application's configuration with its defaults, except the sale grace. */
    public static AppConfig config(Duration saleGrace) {
        return config(saleGrace, Map.of());
    }

    private static AppConfig config(Duration saleGrace, Map<String, ?> overrides) {
        Map<String, Object> props = new HashMap<>(overrides);
        props.put(AppConfig.SALE_GRACE_MS, saleGrace.toMillis());
        return new AppConfig(props);
    }

    /** The application's own Streams settings (DLQ handlers included), pointed at nothing. */
    public static Properties properties(AppConfig config) {
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ttd-state").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return props;
    }

    private <T> TestOutputTopic<String, T> output(String topic, Serde<T> serde) {
        return driver.createOutputTopic(topic, new StringDeserializer(), serde.deserializer());
    }

    /**
     * Pipes raw events in order; the record timestamp is irrelevant (commit time comes from source.ts_ms). An event
     * never arrives before it is committed: the wall clock moves up to its commit time first (never back).
     */
    public TopologyHarness pipe(RawCdc.Event... events) {
        for (RawCdc.Event event : events) {
            advanceWallClockTo(event.commitTs());
            inputs.get(event.topic()).pipeInput(event.key(), event.value(), event.commitTs());
            newestCommit = Math.max(newestCommit, event.commitTs());
        }
        return this;
    }

    /**
     * Lets wall-clock time pass until everything piped so far is complete: beyond the newest commit time plus the
     * arrival-skew tolerance, with the joins idle long enough to report it (README, "When a fact is complete").
     * Facts wait for this in the driver as they do on a broker.
     */
    public TopologyHarness settle() {
        return settleThrough(newestCommit);
    }

    /** Lets wall-clock time pass until every input is complete through commit time {@code commitTs}. */
    public TopologyHarness settleThrough(long commitTs) {
        // The longer of the two quiet rules (CaughtUp), so that every task counts as caught up, live or not.
        advanceWallClockTo(Math.max(wallClock, commitTs + settings.toleranceMs()) + settings.backlogIdle().toMillis() + 1);
        for (int round = 0; round < 3; round++) { // report -> repartition -> join: one hop per punctuation
            advanceWallClockTo(wallClock + settings.watermarkInterval().toMillis());
        }
        return this;
    }

    /** Moves the wall clock to {@code epochMillis}, then lets three report intervals pass (reports reach the joins). */
    public TopologyHarness advanceWallClockAndReport(long epochMillis) {
        advanceWallClockTo(epochMillis);
        for (int round = 0; round < 3; round++) {
            advanceWallClockTo(wallClock + settings.watermarkInterval().toMillis());
        }
        return this;
    }

    /** Moves the driver's wall clock forward to {@code epochMillis} (never back), firing wall-clock punctuations. */
    public TopologyHarness advanceWallClockTo(long epochMillis) {
        long delta = epochMillis - wallClock;
        if (delta > 0) {
            driver.advanceWallClockTime(Duration.ofMillis(delta));
            wallClock = epochMillis;
        }
        return this;
    }

    /** Pipes one raw record as it sits on the topic (key and value JSON text; null value = tombstone). */
    public TopologyHarness pipeRaw(String topic, String key, String value) {
        inputs.get(topic).pipeInput(key, value);
        if (value != null && value.contains("\"ts_ms\"")) {
            newestCommit = Math.max(newestCommit, commitTsOf(value));
        }
        return this;
    }

    private static long commitTsOf(String envelope) {
        try {
            JsonNode ts = JSON.readTree(envelope).path("source").path("ts_ms");
            return ts.canConvertToLong() ? ts.asLong() : 0;
        } catch (IOException e) {
            return 0; // not JSON: a malformed input for the DLQ tests
        }
    }

    public List<KeyValue<String, Customer>> customers() { return customers.readKeyValuesToList(); }

    public List<KeyValue<String, CustomerChange>> customerChanges() { return customerChanges.readKeyValuesToList(); }

    public List<KeyValue<String, Performance>> performances() { return performances.readKeyValuesToList(); }

    public List<KeyValue<String, Order>> orders() { return orders.readKeyValuesToList(); }

    public List<KeyValue<String, TicketSale>> sales() { return sales.readKeyValuesToList(); }

    public List<TestRecord<byte[], byte[]>> dlq() { return dlq.readRecordsToList(); }

    /** Sum of a join's custom metric over its tasks (group stream-ticketstream-join-metrics). */
    public double metric(String name, String join) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && join.equals(e.getKey().tags().get("ticketstream-join-id")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    @Override
    public void close() {
        driver.close();
    }
}
