package io.ticketstream.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketstream.streams.StreamsLifecycle;
import io.ticketstream.streams.TicketstreamApp;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.dlq.DeadLetterQueue;

/**
 * The application as main runs it (same topology, same Streams properties: exactly-once v2, the DLQ
 * handlers, bounded RocksDB) against a real KRaft broker: malformed records land in the DLQ inside the
 * transaction (read_committed sees them), good records still flow to a canonical topic, and close() stops
 * it cleanly with exit code 0.
 */
class TicketstreamAppAgainstBrokerTest {

    private static EmbeddedKafkaCluster kafka;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startKafka() {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("offsets.topic.replication.factor", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
        AppConfig defaults = new AppConfig(Map.of());
        List<String> topics = new ArrayList<>(defaults.rawTopics().values());
        topics.addAll(List.of(defaults.customerTopic(), defaults.customerChangeTopic(), defaults.performanceTopic(),
                defaults.orderTopic(), defaults.ticketSaleTopic(), defaults.dlqTopic()));
        topics.forEach(topic -> kafka.createTopic(topic, 1));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void deadLettersMalformedInputInsideTheTransactionAndKeepsProducing() throws Exception {
        AppConfig config = new AppConfig(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "application.id", "ticketstream-it",
                "state.dir", stateDir.toString(),
                "rocksdb.cache.bytes", "16777216",
                "rocksdb.write.buffer.bytes", "4194304"));
        kafka.produce("sqlserver.ticketing.dbo.orders", "{\"order_id\":1}", "definitely not json");
        kafka.produce("aurora.catalog.attractions", "{\"attraction_id\":1}", envelope("r",
                "{\"attraction_id\":1,\"name\":\"Hamilton\",\"genre\":\"musical\",\"promoter\":\"LN\"}", 1795275807000L));
        kafka.produce("aurora.catalog.venues", "{\"venue_id\":10}", envelope("r",
                "{\"venue_id\":10,\"name\":\"Victoria Palace\",\"city\":\"London\",\"country\":\"GB\",\"timezone\":\"Europe/London\",\"capacity\":1517}",
                1795275807000L));
        kafka.produce("aurora.catalog.performances", "{\"performance_id\":501}", envelope("r",
                "{\"performance_id\":501,\"attraction_id\":1,\"venue_id\":10,\"starts_at\":\"2027-03-01T19:30:00.000000Z\","
                        + "\"on_sale_at\":\"2026-12-01T09:00:00.000000Z\",\"status\":\"ON_SALE\"}", 1795275808000L));
        kafka.produce("aurora.catalog.performances", "{\"performance_id\":502}", envelope("c",
                "{\"performance_id\":502,\"attraction_id\":1,\"venue_id\":10,\"starts_at\":\"2027-03-02T19:30:00.000000Z\","
                        + "\"on_sale_at\":\"2026-12-01T09:00:00.000000Z\",\"status\":\"POSTPONED\"}", 1795275809000L));

        StreamsLifecycle app = TicketstreamApp.start(config, TicketstreamApp.buildTopology(config));
        try {
            Map<String, Object> readCommitted = new HashMap<>();
            readCommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            readCommitted.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

            Set<String> kinds = new HashSet<>();
            Set<String> sources = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> dead : kafka.consume(2, 120_000, readCommitted, config.dlqTopic())) {
                kinds.add(header(dead, DeadLetterQueue.HEADER_ERROR_KIND));
                sources.add(header(dead, DeadLetterQueue.HEADER_TOPIC) + "@" + header(dead, DeadLetterQueue.HEADER_OFFSET));
            }
            assertEquals(Set.of("NOT_JSON", "ENUM_NOT_ALLOWED"), kinds);
            assertEquals(Set.of("sqlserver.ticketing.dbo.orders@0", "aurora.catalog.performances@1"), sources);

            boolean performance501 = false;
            for (ConsumerRecord<byte[], byte[]> record : kafka.consume(1, 120_000, readCommitted, config.performanceTopic())) {
                performance501 |= "501".equals(new String(record.key(), StandardCharsets.UTF_8));
            }
            assertTrue(performance501, "good records still reach the canonical topic");
            assertEquals(KafkaStreams.State.RUNNING, app.state(), "malformed input did not stop the application");
        } finally {
            assertEquals(StreamsLifecycle.EXIT_OK, app.close());
        }
        assertEquals(KafkaStreams.State.NOT_RUNNING, app.state());
    }

    private static String envelope(String op, String after, long commitTs) {
        return "{\"before\":null,\"after\":" + after + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"postgresql\","
                + "\"name\":\"aurora\",\"ts_ms\":" + commitTs + ",\"snapshot\":\"false\",\"db\":\"postgres\",\"schema\":\"catalog\"},"
                + "\"op\":\"" + op + "\",\"ts_ms\":" + (commitTs + 100) + ",\"transaction\":null}";
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
