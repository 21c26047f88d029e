package io.ticketstream.streams.eos;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.topology.RawCdc;
import io.ticketstream.streams.topology.Scenario;
import io.ticketstream.streams.topology.TicketstreamTopology;
import io.ticketstream.streams.topology.TopologyHarness;
import io.ticketstream.testsupport.kafka.SingleBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged topology ({@code TicketstreamTopology.build(config)} + KafkaStreams, exactly_once_v2) on a
 * real in-process KRaft broker with multi-partition topics, compared with the TopologyTestDriver's output
 * for the same input. Outputs are read with isolation.level=read_committed, as the sinks read them.
 *
 * <p>What must be equal: every TicketSale (as a multiset, so a duplicate fails), the full per-key history
 * of Customer and CustomerChange (their source keeps per-key order), and the final per-key version of
 * Order and Performance (their intermediate versions legitimately depend on how partitions interleave).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceOnBrokerTest {

    private static final int PARTITIONS = 3;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private EmbeddedKafkaCluster kafka;

    @BeforeAll
    void startBroker() {
        Properties broker = SingleBroker.forExactlyOnce();
        // The scenario's commit times are fixed (reproducible) and in the past: nothing may expire.
        broker.put("log.retention.ms", "-1");
        kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void exactlyOnceRunOnABrokerPublishesWhatTheTestDriverPublishes() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AppConfig.SALE_GRACE_MS, GRACE.toMillis());
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "ticketstream-eos-test");
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("eos-state").toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // Fewer, larger transactions than EOS's 100 ms default: on a shared 2-core box every commit's
        // markers otherwise keep the next transaction's first appends in CONCURRENT_TRANSACTIONS retries.
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        AppConfig config = new AppConfig(settings);
        config.rawTopics().values().forEach(topic -> kafka.createTopic(topic, PARTITIONS));
        List.of(config.customerTopic(), config.customerChangeTopic(), config.performanceTopic(), config.orderTopic(),
                config.ticketSaleTopic()).forEach(topic -> kafka.createTopic(topic, PARTITIONS));
        kafka.createTopic(config.dlqTopic(), 1);

        // The test driver's output after each phase.
        List<Outputs> expectedAfter = new ArrayList<>();
        try (TopologyHarness driver = new TopologyHarness(GRACE)) {
            Outputs driverOutputs = new Outputs();
            for (List<RawCdc.Event> phase : Scenario.phases()) {
                driver.pipe(phase.toArray(RawCdc.Event[]::new)).settle();
                driverOutputs.addDriver(driver);
                expectedAfter.add(driverOutputs.copy());
            }
            assertEquals(0, driver.dlq().size());
        }
        Outputs expected = expectedAfter.get(expectedAfter.size() - 1);

        Outputs actual = new Outputs();
        try (KafkaStreams streams = new KafkaStreams(TicketstreamTopology.build(config), config.streamsProperties());
             KafkaProducer<String, String> producer = producer();
             CommittedReader reader = new CommittedReader(kafka.bootstrapServers(), config)) {
            streams.start();
            for (int phase = 0; phase < expectedAfter.size(); phase++) {
                // The next phase only once this one is fully joined (see Scenario for why).
                produce(producer, Scenario.phases().get(phase));
                Outputs wanted = expectedAfter.get(phase);
                int number = phase + 1;
                TestUtils.waitForCondition(() -> reader.pollInto(actual).settledEquals(wanted),
                        Duration.ofMinutes(4).toMillis(), () -> "phase " + number + " never converged: "
                                + wanted.differences(actual));
            }
            streams.close(Duration.ofSeconds(30));
            // Anything committed after convergence (a duplicate) would be read now and break equality.
            reader.drainInto(actual);
        }
        expected.assertSettledEquals(actual);
        assertEquals(0, countRecords(config.dlqTopic()), "nothing was dead-lettered");
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void produce(KafkaProducer<String, String> producer, List<RawCdc.Event> events) {
        for (RawCdc.Event event : events) {
            producer.send(new ProducerRecord<>(event.topic(), null, event.commitTs(), event.key(), event.value()));
        }
        producer.flush();
    }

    /** Records (or transaction markers) ever written to the topic's partitions. */
    private long countRecords(String topic) throws Exception {
        long total = 0;
        int partitions = kafka.describeTopics(topic).get(topic).orElseThrow().partitions().size();
        for (int p = 0; p < partitions; p++) {
            total += kafka.endOffset(new org.apache.kafka.common.TopicPartition(topic, p));
        }
        return total;
    }

    /** Canonical outputs per topic and key, values decoded and rendered as text (Avro's JSON-like toString). */
    static final class Outputs {
        final Map<String, Map<String, List<String>>> byTopic = new TreeMap<>();

        void add(String topic, String key, Object value) {
            byTopic.computeIfAbsent(topic, t -> new TreeMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
                    .add(Objects.toString(value));
        }

        void addDriver(TopologyHarness driver) {
            addAll(TopologyHarness.TOPICS.customer(), driver.customers());
            addAll(TopologyHarness.TOPICS.customerChange(), driver.customerChanges());
            addAll(TopologyHarness.TOPICS.performance(), driver.performances());
            addAll(TopologyHarness.TOPICS.order(), driver.orders());
            addAll(TopologyHarness.TOPICS.ticketSale(), driver.sales());
        }

        private <V> void addAll(String topic, List<KeyValue<String, V>> records) {
            records.forEach(r -> add(topic, r.key, r.value));
        }

        Outputs copy() {
            Outputs copy = new Outputs();
            byTopic.forEach((topic, keys) -> keys.forEach((key, values) -> values.forEach(v -> copy.add(topic, key, v))));
            return copy;
        }

        /** The comparable view: whole histories where order is guaranteed, final versions where it is not. */
        Map<String, Map<String, List<String>>> settled() {
            Map<String, Map<String, List<String>>> view = new TreeMap<>();
            byTopic.forEach((topic, keys) -> {
                boolean lastOnly = topic.equals(TopologyHarness.TOPICS.order()) || topic.equals(TopologyHarness.TOPICS.performance());
                boolean multiset = topic.equals(TopologyHarness.TOPICS.ticketSale());
                Map<String, List<String>> perKey = new TreeMap<>();
                keys.forEach((key, values) -> {
                    List<String> v = lastOnly ? List.of(values.get(values.size() - 1)) : new ArrayList<>(values);
                    if (multiset) {
                        v.sort(Comparator.naturalOrder());
                    }
                    perKey.put(key, v);
                });
                view.put(topic, perKey);
            });
            return view;
        }

        boolean settledEquals(Outputs other) {
            return settled().equals(other.settled());
        }

        void assertSettledEquals(Outputs actual) {
            Map<String, Map<String, List<String>>> expected = settled();
            Map<String, Map<String, List<String>>> got = actual.settled();
            expected.keySet().forEach(topic -> assertEquals(expected.get(topic), got.get(topic), topic));
            assertEquals(expected.keySet(), got.keySet());
        }

        /** Per topic, the keys whose settled values differ (expected vs actual), for failure messages. */
        String differences(Outputs actual) {
            Map<String, Map<String, List<String>>> mine = settled();
            Map<String, Map<String, List<String>>> theirs = actual.settled();
            StringBuilder out = new StringBuilder("counts " + actual.describe() + " of " + describe());
            mine.forEach((topic, keys) -> {
                Map<String, List<String>> other = theirs.getOrDefault(topic, Map.of());
                keys.forEach((key, values) -> {
                    if (!values.equals(other.get(key))) {
                        out.append("\n  ").append(topic).append(' ').append(key).append(": expected ").append(values)
                                .append("\n    but was ").append(other.get(key));
                    }
                });
            });
            return out.toString();
        }

        String describe() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            byTopic.forEach((topic, keys) -> counts.put(topic, keys.values().stream().mapToInt(List::size).sum()));
            return counts.toString();
        }
    }

    /** A read_committed consumer of the five canonical topics. */
    static final class CommittedReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Function<byte[], Object>> decoders = new HashMap<>();

        CommittedReader(String bootstrap, AppConfig config) {
            Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "eos-test-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, (Deserializer<String>) (t, d) -> d == null ? null : new String(d, StandardCharsets.UTF_8),
                    (Deserializer<byte[]>) (t, d) -> d);
            decoders.put(config.customerTopic(), decoder(config.customerTopic(), CanonicalSerdes.customer().deserializer()));
            decoders.put(config.customerChangeTopic(), decoder(config.customerChangeTopic(), CanonicalSerdes.customerChange().deserializer()));
            decoders.put(config.performanceTopic(), decoder(config.performanceTopic(), CanonicalSerdes.performance().deserializer()));
            decoders.put(config.orderTopic(), decoder(config.orderTopic(), CanonicalSerdes.order().deserializer()));
            decoders.put(config.ticketSaleTopic(), decoder(config.ticketSaleTopic(), CanonicalSerdes.ticketSale().deserializer()));
            consumer.subscribe(decoders.keySet());
        }

        private static Function<byte[], Object> decoder(String topic, Deserializer<?> deserializer) {
            return bytes -> deserializer.deserialize(topic, bytes);
        }

        Outputs pollInto(Outputs outputs) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                outputs.add(record.topic(), record.key(), decoders.get(record.topic()).apply(record.value()));
            }
            return outputs;
        }

        /** Reads until caught up with the end offsets (committed data only). */
        void drainInto(Outputs outputs) throws InterruptedException {
            TestUtils.waitForCondition(() -> {
                pollInto(outputs);
                return consumer.assignment().stream().allMatch(tp ->
                        consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp));
            }, 60_000, "reader never caught up with the canonical topics");
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
