package io.ticketstream.local.traffic;

import io.ticketstream.standin.cdc.RawEvent;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.topology.RawTopicLayout;
import io.ticketstream.streams.topology.TicketstreamTopology;
import io.ticketstream.standin.postgres.PostgresLauncher;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traffic generator's SIMULATED SQL Server and MongoDB envelopes go through the streams app's real topology
 * (TopologyTestDriver) and come out as canonical records, with NOTHING dead-lettered; its catalogue changes land
 * as real rows in a real PostgreSQL 15.
 */
class TrafficGeneratorTopologyTest {

    private static PostgresLauncher postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresLauncher.startTemporary();
        postgres.createDatabase("catalog", PostgresLauncher.SUPERUSER);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void generatedEventsBecomeCanonicalRecordsAndNothingIsDeadLettered() throws Exception {
        List<RawEvent> events = new ArrayList<>();
        Instant lastCommit;
        try (Connection catalog = postgres.connect("catalog")) {
            // One check-out a second of event time: 200 s in all, well past the streams app's 30 s sale grace,
            // after which a sale whose performance is unknown (no catalogue CDC in this test) is still emitted.
            SteppingClock clock = new SteppingClock(Instant.parse("2026-11-01T10:00:00Z"));
            TrafficGenerator generator = new TrafficGenerator(events::add, catalog, clock, 42);
            generator.prepareCatalog();
            for (int i = 0; i < 200; i++) {
                generator.tick();
                clock.advanceSeconds(1);
            }
            lastCommit = clock.instant();
            assertEquals(events.size(), generator.simulatedEvents());
            assertTrue(generator.catalogChanges() > 0, "a first catalogue was written");
            try (Statement statement = catalog.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM catalog.performances")) {
                rows.next();
                assertTrue(rows.getLong(1) >= 12, "performances are real rows in PostgreSQL");
            }
        }

        AppConfig config = new AppConfig(Map.of());
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("traffic-ttd").toString());
        Topology topology = TicketstreamTopology.build(config, RawTopicLayout.onePartitionEach(config.rawTopics().values()));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, Instant.EPOCH)) {
            Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
            config.rawTopics().values().forEach(topic -> inputs.put(topic,
                    driver.createInputTopic(topic, new StringSerializer(), new StringSerializer())));
            for (RawEvent event : events) {
                TestInputTopic<String, String> input = inputs.get(event.topic());
                assertTrue(input != null, "the streams app reads " + event.topic());
                input.pipeInput(event.key(), event.value());
            }
            // Facts leave once complete: the wall clock past the newest commit plus the arrival-skew tolerance (plus
            // the sale grace: no catalogue CDC here, so performances are unknown), and the joins' progress reports
            // delivered (one report interval per hop).
            driver.advanceWallClockTime(Duration.between(Instant.EPOCH, lastCommit).plus(config.saleGrace()).plusSeconds(5));
            for (int hop = 0; hop < 3; hop++) {
                driver.advanceWallClockTime(config.joinSettings().watermarkInterval());
            }

            List<TestRecord<byte[], byte[]>> dlq = driver.createOutputTopic(CanonicalTopics.STREAMS_DLQ,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            assertEquals(List.of(), dlq.stream().map(r -> describe(r)).toList(), "nothing dead-lettered");

            var customers = driver.createOutputTopic(CanonicalTopics.CUSTOMER, new StringDeserializer(),
                    CanonicalSerdes.customer().deserializer()).readKeyValuesToList();
            var changes = driver.createOutputTopic(CanonicalTopics.CUSTOMER_CHANGE, new StringDeserializer(),
                    CanonicalSerdes.customerChange().deserializer()).readKeyValuesToList();
            var orders = driver.createOutputTopic(CanonicalTopics.ORDER, new StringDeserializer(),
                    CanonicalSerdes.order().deserializer()).readKeyValuesToList();
            var sales = driver.createOutputTopic(CanonicalTopics.TICKET_SALE, new StringDeserializer(),
                    CanonicalSerdes.ticketSale().deserializer()).readKeyValuesToList();

            assertFalse(customers.isEmpty(), "customers");
            assertFalse(changes.isEmpty(), "customer changes");
            assertFalse(orders.isEmpty(), "orders");
            assertFalse(sales.isEmpty(), "ticket sales");
            assertTrue(customers.stream().allMatch(kv -> kv.key.startsWith("C-") && kv.value.getEmail().endsWith("@example.org")));
            // Every order the generator paid carries its tickets and the captured payment.
            assertTrue(orders.stream().anyMatch(kv -> kv.value.getStatus().name().equals("PAID")
                    && kv.value.getTicketCount() > 0 && kv.value.getTickets().size() == kv.value.getTicketCount()
                    && kv.value.getPayment() != null && kv.value.getPayment().getStatus().name().equals("CAPTURED")));
            assertTrue(sales.stream().allMatch(kv -> kv.value.getCustomerKnown()), "customers sign up before they buy");
            // A SALE carries exactly the tickets its order had when paid (the generator voids none before paying).
            Map<Long, Integer> ticketsWhenPaid = new HashMap<>();
            orders.stream().filter(kv -> kv.value != null && kv.value.getStatus().name().equals("PAID"))
                    .forEach(kv -> ticketsWhenPaid.putIfAbsent(kv.value.getOrderId(), kv.value.getTicketCount()));
            sales.stream().filter(kv -> kv.value.getType().name().equals("SALE")).forEach(kv -> assertEquals(
                    ticketsWhenPaid.get(kv.value.getOrderId()), kv.value.getTicketCount(), kv.value.getSaleId()));
        }
    }

    /** A clock the test moves forward. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String describe(TestRecord<byte[], byte[]> record) {
        StringBuilder out = new StringBuilder();
        record.headers().forEach(h -> out.append(h.key()).append('=').append(new String(h.value())).append(' '));
        return out.toString();
    }
}
