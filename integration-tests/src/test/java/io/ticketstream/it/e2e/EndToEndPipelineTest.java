package io.ticketstream.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.OpsCli;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.serde.CanonicalSerdes;

/**
 * The real path, end to end, with the shipped connector JSON plus the {@code local} overlay and this run's ports:
 * PostgreSQL 15 (logical replication) → Debezium PostgreSQL connector → raw topics → streams app (exactly-once) →
 * canonical topics → Braze sink connectors (with our SMTs and converter) → Braze SIMULATOR (stand-in for Braze).
 * SQL Server and MongoDB cannot run here: their change events are written to their raw topics in Debezium's
 * documented formats by {@link StandInSources}. The connectors are deployed with the ops CLI against the same
 * worker, as the platform team deploys them.
 *
 * <p>The methods run in order: each builds on what the previous one left in the pipeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndPipelineTest {

    private static final Logger log = LoggerFactory.getLogger(EndToEndPipelineTest.class);
    private static final long WAIT_MS = TimeUnit.MINUTES.toMillis(4);
    private static final List<String> CONNECTORS = List.of("aurora-catalog", "braze-subscriptions", "braze-users",
            "warehouse-landing");
    private static final String EMAIL_GROUP = System.getenv("BRAZE_EMAIL_SUBSCRIPTION_GROUP_ID");

    /** The catalogue as it is when Debezium first connects: its snapshot ("r" events) brings it in. */
    private static final String CATALOGUE = """
            INSERT INTO catalog.attractions VALUES (1, 'La Traviata', 'opera', 'Opera North'), (2, 'Swan Lake', 'ballet', 'Royal Ballet');
            INSERT INTO catalog.venues VALUES (1, 'Old Hall', 'Leeds', 'GB', 'Europe/London', 1800),
                                              (2, 'Riverside', 'London', 'GB', 'Europe/London', 2200);
            INSERT INTO catalog.performances VALUES
              (101, 1, 1, '2027-03-01 19:30:00+00', '2026-11-01 10:00:00+00', 'ON_SALE'),
              (102, 2, 2, '2027-04-02 19:00:00+00', '2026-11-01 10:00:00+00', 'ON_SALE'),
              (103, 1, 2, '2027-05-03 19:30:00+00', '2026-11-01 10:00:00+00', 'ON_SALE');
            """;

    private static final String ADA = "C-000001";
    private static final String ADA_ID = "65a000000000000000000001";
    private static final String BOB = "C-000002";
    private static final String BOB_ID = "65a000000000000000000002";

    @TempDir
    static Path workDir;

    private static PipelineUnderTest pipeline;
    private static StandInSources sources;
    private static CanonicalTopicReader canonical;
    private static ObjectNode adaDocument;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = new PipelineUnderTest(workDir).start(CATALOGUE);
        sources = new StandInSources(pipeline.bootstrapServers());
        canonical = new CanonicalTopicReader(pipeline.bootstrapServers());
    }

    @AfterAll
    static void stopPipeline() {
        if (sources != null) {
            sources.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Deployment with the CLI
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void cliDeploysTheShippedConnectorsAndASecondApplyIsANoOp() throws Exception {
        // The warehouse model first, as the platform team deploys it: the landing tables exist before the connector.
        Cli model = warehouse("apply");
        assertEquals(ExitCodes.OK, model.exitCode(), model::toString);
        assertTrue(model.out().contains("local (postgresql): applied schemas, landing, dim-date, model"), model::toString);

        Cli first = apply();
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        for (String name : CONNECTORS) {
            assertTrue(first.out().contains(name + ": created"), first::toString);
            assertTrue(first.out().contains(name + ": RUNNING"), first::toString);
        }
        assertFalse(first.out().contains(pipeline.brazeApiKey()), "the CLI never prints a resolved secret");

        long configTopicEnd = configTopicEnd();
        Cli second = apply();
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        for (String name : CONNECTORS) {
            assertTrue(second.out().contains(name + ": unchanged"), second::toString);
        }
        assertEquals(configTopicEnd, configTopicEnd(), "the second apply wrote nothing to the config topic");

        // Debezium's snapshot creates the Aurora topics with the connector's topic.creation settings; the streams
        // app needs its source topics to exist before it starts.
        try (Admin admin = pipeline.connect().kafka().createAdminClient()) {
            TestUtils.waitForCondition(() -> admin.listTopics().names().get().containsAll(Set.of(
                            "aurora.catalog.attractions", "aurora.catalog.venues", "aurora.catalog.performances")),
                    WAIT_MS, "Debezium's snapshot did not create the aurora.catalog.* topics");
        }
        pipeline.startStreamsApp();
    }

    @Test
    @Order(2)
    void cliRefusesABrokenConfigWithItsFieldErrorsAndChangesNothing() throws Exception {
        Map<String, String> before = pipeline.connect().connectorInfo("braze-users").config();
        long configTopicEnd = configTopicEnd();

        Cli broken = apply("--set", "braze-users:braze.quota.share=1.5");

        assertEquals(ExitCodes.FAILED, broken.exitCode(), broken::toString);
        assertTrue(broken.out().contains("braze.quota.share"), broken::toString);
        assertTrue(broken.out().contains("1.5"), broken::toString);
        assertTrue(broken.out().contains("braze-users: not applied"), broken::toString);
        assertEquals(before, pipeline.connect().connectorInfo("braze-users").config());
        assertEquals(configTopicEnd, configTopicEnd());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Changes flowing from the databases to Braze
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void changesFlowFromTheDatabasesThroughTheCanonicalTopicsToBraze() throws Exception {
        BrazeSimulator braze = pipeline.braze();
        // The snapshot of the real catalogue reached the canonical Performance topic, joined with its dimensions.
        awaitLatestPerformance(101, p -> p.getVenue() != null && "Old Hall".equals(p.getVenue().getName()));

        adaDocument = sources.customerDocument(ADA, "ada@example.org", "Leeds", true, false, "BRONZE");
        sources.insertCustomer(ADA_ID, adaDocument);
        ObjectNode bobDocument = sources.customerDocument(BOB, "bob@example.org", "London", false, false, "SILVER");
        sources.insertCustomer(BOB_ID, bobDocument);
        Map<String, Object> firstOrder = sources.checkout(9001, ADA, 101, prices("45.00", "45.00"), "WEB");
        awaitAccepted(() -> purchasesOf(braze, 9001).size() == 1, "the purchase of order 9001");

        // A dimension change committed in the real database: the venue is renamed.
        try (Connection catalog = pipeline.catalogConnection();
             PreparedStatement rename = catalog.prepareStatement("UPDATE catalog.venues SET name = ? WHERE venue_id = ?")) {
            rename.setString(1, "New Hall");
            rename.setLong(2, 1);
            assertEquals(1, rename.executeUpdate());
        }
        awaitLatestPerformance(101, p -> p.getVenue() != null && "New Hall".equals(p.getVenue().getName()));

        sources.checkout(9002, ADA, 101, prices("60.50"), "APP");
        Map<String, Object> abandoned = sources.placeOrder(9003, ADA, 102);
        sources.refund(firstOrder);
        sources.updateCustomer(ADA_ID, adaDocument, Map.of("loyalty.tier", "GOLD", "preferences.email_opt_in", false));
        sources.deleteCustomer(BOB_ID);
        sources.deleteOrder(abandoned);
        pipeline.executeAsCdcUser("DELETE FROM catalog.performances WHERE performance_id = 103");

        awaitAccepted(() -> purchasesOf(braze, 9002).size() == 1 && eventsOf(braze, "ticket_sale_reversed").size() == 1
                        && attributesOf(braze, ADA).size() == 2 && subscriptionsOf(braze, ADA).size() == 2,
                "purchase 9002, the reversal of 9001, Ada's two attribute updates and two subscription changes");
        awaitLatest(CanonicalTopics.PERFORMANCE, CanonicalSerdes.performance().deserializer(), "103", e -> e.value() == null,
                "the tombstone of deleted performance 103");
        awaitLatest(CanonicalTopics.CUSTOMER, CanonicalSerdes.customer().deserializer(), BOB, e -> e.value() == null,
                "the tombstone of deleted customer " + BOB);
        awaitLatest(CanonicalTopics.ORDER, CanonicalSerdes.order().deserializer(), "9003", e -> e.value() == null,
                "the tombstone of deleted order 9003");

        // Braze: purchases carry the performance as it was when each sale was committed.
        JsonNode firstPurchase = purchasesOf(braze, 9001).get(0);
        JsonNode secondPurchase = purchasesOf(braze, 9002).get(0);
        assertEquals("101", firstPurchase.get("product_id").asText());
        assertEquals("GBP", firstPurchase.get("currency").asText());
        assertEquals(0, new BigDecimal("90.00").compareTo(firstPurchase.get("price").decimalValue()));
        assertEquals("Old Hall", firstPurchase.at("/properties/venue").asText());
        assertEquals("La Traviata", firstPurchase.at("/properties/attraction").asText());
        assertEquals(2, firstPurchase.at("/properties/ticket_count").asInt());
        assertEquals("New Hall", secondPurchase.at("/properties/venue").asText());
        assertEquals(0, new BigDecimal("60.50").compareTo(secondPurchase.get("price").decimalValue()));

        // Braze: the refund of 9001 is one reversal event; nothing for Bob (no purchase, and his deletion is not
        // a Braze attribute update).
        JsonNode reversal = eventsOf(braze, "ticket_sale_reversed").get(0);
        assertEquals(ADA, reversal.get("external_id").asText());
        assertEquals(9001, reversal.at("/properties/order_id").asLong());

        // Braze: Ada's first sight carries every mapped attribute; her update only what changed.
        List<JsonNode> adaAttributes = attributesOf(braze, ADA);
        assertEquals("ada@example.org", adaAttributes.get(0).get("email").asText());
        assertEquals("Leeds", adaAttributes.get(0).get("home_city").asText());
        assertEquals("BRONZE", adaAttributes.get(0).get("loyalty_tier").asText());
        assertEquals(Set.of("external_id", "loyalty_tier"), fieldNames(adaAttributes.get(1)));
        assertEquals("GOLD", adaAttributes.get(1).get("loyalty_tier").asText());

        // Braze subscription states: the e-mail group follows email_opt_in (subscribed on first sight, then out).
        List<JsonNode> adaSubscriptions = subscriptionsOf(braze, ADA);
        assertEquals(List.of("subscribed", "unsubscribed"),
                adaSubscriptions.stream().map(s -> s.get("subscription_state").asText()).toList());
        adaSubscriptions.forEach(s -> assertEquals(EMAIL_GROUP, s.get("subscription_group_id").asText()));
        assertTrue(subscriptionsOf(braze, BOB).stream().allMatch(s -> "unsubscribed".equals(s.get("subscription_state").asText())),
                "Bob never opted in");

        // Canonical topics: what the warehouse lands.
        List<TicketSale> sales = CanonicalTopicReader.values(canonical.readAll(CanonicalTopics.TICKET_SALE,
                CanonicalSerdes.ticketSale().deserializer()), e -> true);
        assertEquals(List.of("9001 REVERSAL", "9001 SALE", "9002 SALE"), sales.stream()
                .map(s -> s.getOrderId() + " " + s.getType()).sorted().toList(),
                "one SALE per paid order, one REVERSAL per refund, nothing twice");
        sales.forEach(s -> {
            assertTrue(s.getCustomerKnown() && s.getPerformanceKnown(), "dimensions known for " + s.getSaleId());
            assertEquals("Leeds", s.getPerformance().getVenueCity());
        });
        TicketSale sale9001 = sales.stream().filter(s -> s.getOrderId() == 9001 && s.getType() == SaleType.SALE).findFirst().orElseThrow();
        assertEquals("Old Hall", sale9001.getPerformance().getVenueName());
        assertEquals("BRONZE", sale9001.getCustomer().getLoyaltyTier());

        List<CanonicalTopicReader.Entry<io.ticketstream.schemas.Order>> order9003 = canonical.readKey(CanonicalTopics.ORDER,
                CanonicalSerdes.order().deserializer(), "9003");
        assertEquals(2, order9003.size(), "the PENDING version, then the tombstone of the SQL Server delete");
        assertEquals("PENDING", order9003.get(0).value().getStatus().toString());
        assertTrue(purchasesOf(braze, 9003).isEmpty(), "an order never paid is no purchase");

        List<Customer> adaVersions = CanonicalTopicReader.values(canonical.readKey(CanonicalTopics.CUSTOMER,
                CanonicalSerdes.customer().deserializer(), ADA), e -> true);
        assertEquals(List.of("BRONZE", "GOLD"), adaVersions.stream().map(Customer::getLoyaltyTier).toList());
        List<CanonicalTopicReader.Entry<Customer>> bob = canonical.readKey(CanonicalTopics.CUSTOMER,
                CanonicalSerdes.customer().deserializer(), BOB);
        assertEquals(2, bob.size(), "Bob's version, then his tombstone");
        assertNull(bob.get(1).value());

        List<Performance> p101 = CanonicalTopicReader.values(canonical.readKey(CanonicalTopics.PERFORMANCE,
                CanonicalSerdes.performance().deserializer(), "101"), e -> e.value() != null);
        assertEquals("New Hall", p101.get(p101.size() - 1).getVenue().getName());

        // Nothing was dead-lettered anywhere.
        assertEquals(0, recordCount(CanonicalTopics.STREAMS_DLQ), "streams DLQ");
        assertEquals(0, recordCount(PipelineUnderTest.BRAZE_DLQ), "Braze sinks' DLQ");
        assertEquals(0, braze.stats().tooManyRequestsTotal(), "no 429 from the simulator");
    }

    // ---------------------------------------------------------------------------------------------------------
    // A failed task, restarted with the CLI: nothing lost
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void aFailedSinkTaskIsRestartedWithTheCliAndLosesNothing() throws Exception {
        BrazeSimulator braze = pipeline.braze();
        braze.revokeApiKey(pipeline.brazeApiKey()); // the key was rotated in Braze's dashboard
        sources.updateCustomer(ADA_ID, adaDocument, Map.of("city", "York"));
        TestUtils.waitForCondition(() -> "FAILED".equals(taskState("braze-users")), WAIT_MS,
                () -> "braze-users task not FAILED after its key was revoked: " + taskState("braze-users"));
        String trace = pipeline.connect().connectorStatus("braze-users").tasks().get(0).trace();
        assertTrue(trace.contains("401"), trace);
        assertFalse(trace.contains(pipeline.brazeApiKey()), "the task's trace never holds the key");

        Cli status = cli("status", "--connect-url", pipeline.connectUrl());
        assertTrue(status.out().contains("FAILED"), status::toString);

        braze.reinstateApiKey(pipeline.brazeApiKey()); // the platform team fixed the secret
        Cli restart = cli("restart", "braze-users", "--only-failed", "--wait", "--connect-url", pipeline.connectUrl());
        assertEquals(ExitCodes.OK, restart.exitCode(), restart::toString);
        assertEquals("RUNNING", taskState("braze-users"));

        awaitAccepted(() -> attributesOf(braze, ADA).size() == 3, "Ada's city change, after the restart");
        JsonNode moved = attributesOf(braze, ADA).get(2);
        assertEquals(Set.of("external_id", "home_city"), fieldNames(moved));
        assertEquals("York", moved.get("home_city").asText());
        assertEquals(0, recordCount(PipelineUnderTest.BRAZE_DLQ));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Commit-to-Braze latency (reported, never asserted: shared, noisy machines)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    void commitToBrazeLatencyIsRecorded() throws Exception {
        BrazeSimulator braze = pipeline.braze();
        List<String> buyers = List.of("C-001000", "C-001001", "C-001002", "C-001003", "C-001004", "C-001005");
        for (int i = 0; i < buyers.size(); i++) {
            sources.insertCustomer(String.format("65a0000000000000000010%02d", i),
                    sources.customerDocument(buyers.get(i), "buyer" + i + "@example.org", "Leeds", false, false, "BRONZE"));
        }
        // The buyers are known to the sale enrichment before they buy (else a sale waits out the grace period).
        awaitAccepted(() -> buyers.stream().allMatch(b -> attributesOf(braze, b).size() == 1), "the buyers' profiles");
        int sales = 60;
        long firstOrder = 20_000;
        Map<Long, Long> commitTimes = new java.util.concurrent.ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(sales);
        AtomicInteger next = new AtomicInteger();
        try {
            // A steady trickle (10 check-outs a second), not a burst: latency of a pipeline at rest, not of a backlog.
            pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= sales) {
                    return;
                }
                long orderId = firstOrder + i;
                Map<String, Object> paid = sources.checkout(orderId, buyers.get(i % buyers.size()), 102, prices("30.00"), "WEB");
                commitTimes.put(orderId, (Long) paid.get("updated_at"));
                done.countDown();
            }, 0, 100, TimeUnit.MILLISECONDS);
            assertTrue(done.await(WAIT_MS, TimeUnit.MILLISECONDS), "the check-outs were not all written");
        } finally {
            pacer.shutdownNow();
        }
        awaitAccepted(() -> braze.acceptedPurchases().stream()
                        .filter(p -> p.json().at("/properties/order_id").asLong() >= firstOrder).count() == sales,
                sales + " purchases");

        List<Long> latencies = new ArrayList<>();
        for (AcceptedObject purchase : braze.acceptedPurchases()) {
            long orderId = purchase.json().at("/properties/order_id").asLong();
            if (orderId >= firstOrder) {
                latencies.add(purchase.appliedAt().toEpochMilli() - commitTimes.get(orderId));
            }
        }
        assertEquals(sales, latencies.size(), "each sale reached Braze exactly once");
        latencies.sort(Long::compare);
        String report = String.format("commit-to-Braze latency over %d sales (SQL Server stand-in commit -> Braze simulator "
                        + "applied the purchase): p50 %d ms, p99 %d ms, min %d ms, max %d ms (completeness.tolerance.ms=%d)%n",
                sales, percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(0),
                latencies.get(latencies.size() - 1), pipeline.streamsConfig().joinSettings().toleranceMs());
        log.info(report);
        Path target = Files.createDirectories(Path.of("target"));
        Files.writeString(target.resolve("e2e-latency.txt"), report, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------
    // A re-sync through the Kafka signal channel (operators without database access)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void anIncrementalSnapshotSignalledOverKafkaReSyncsATable() throws Exception {
        long before = recordCount("aurora.catalog.venues");
        String signal = "{\"type\":\"execute-snapshot\",\"data\":{\"data-collections\":[\"catalog.venues\"],"
                + "\"type\":\"incremental\"}}";
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", pipeline.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            // key = the connector's topic.prefix, as connectors/README.md tells operators
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(PipelineUnderTest.SIGNAL_TOPIC, "aurora", signal)).get();
        }
        // Both venues are read again ("r" events of an incremental snapshot) and flow through without a dead letter.
        TestUtils.waitForCondition(() -> recordCount("aurora.catalog.venues") >= before + 2, WAIT_MS,
                () -> "no incremental snapshot of catalog.venues: aurora.catalog.venues still has " + before + " records");
        awaitLatestPerformance(101, p -> p.getVenue() != null && "New Hall".equals(p.getVenue().getName()));
        assertEquals(0, recordCount(CanonicalTopics.STREAMS_DLQ), "streams DLQ");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Exactly-once output stays exactly-once at Braze: the sinks read committed data only
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void theRecordOfAnAbortedTransactionOnACanonicalTopicNeverReachesBraze() throws Exception {
        Map<String, Object> props = Map.of("bootstrap.servers", pipeline.bootstrapServers(),
                "transactional.id", "e2e-aborting-writer");
        var serializer = CanonicalSerdes.ticketSale().serializer();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.initTransactions();
            // Same key, so same partition: the committed sale is read after the aborted one.
            producer.beginTransaction();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(CanonicalTopics.TICKET_SALE, "31001",
                    serializer.serialize(CanonicalTopics.TICKET_SALE, sale(31001, "aborted")))).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(CanonicalTopics.TICKET_SALE, "31001",
                    serializer.serialize(CanonicalTopics.TICKET_SALE, sale(31001, "committed")))).get();
            producer.commitTransaction();
        }
        // The committed sale comes after the aborted one in the same partition and to the same user, whose objects
        // the sink delivers in order: once it is there, the aborted one would be there too had it been read.
        awaitAccepted(() -> purchasesOf(pipeline.braze(), 31001).stream()
                .anyMatch(p -> "committed".equals(p.at("/properties/sale_id").asText())), "the committed purchase of order 31001");
        assertEquals(List.of("committed"), purchasesOf(pipeline.braze(), 31001).stream()
                .map(p -> p.at("/properties/sale_id").asText()).toList(), "only the committed sale, once");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The warehouse: what the pipeline landed, modelled, and reconciled with the canonical topics
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void theWarehouseStarSchemaReconcilesWithTheCanonicalTopics() throws Exception {
        // Ada changes her e-mail after her sales: 9001's dimension row must keep the address she had when she paid.
        sources.updateCustomer(ADA_ID, adaDocument, Map.of("email", "ada.lovelace@example.org"));
        awaitWarehouse("SELECT COUNT(*) FROM presentation.dim_customer WHERE customer_ref = '" + ADA
                + "' AND is_current AND email = 'ada.lovelace@example.org'", 1, "Ada's new e-mail in dim_customer");
        List<TicketSale> sales = CanonicalTopicReader.values(canonical.readAll(CanonicalTopics.TICKET_SALE,
                CanonicalSerdes.ticketSale().deserializer()), e -> e.value() != null);
        awaitWarehouse("SELECT COUNT(*) FROM presentation.fact_ticket_sale", sales.stream().map(TicketSale::getSaleId).distinct().count(),
                "every sale of the topic landed");

        assertEquals(List.of("ada@example.org"), warehouseStrings("SELECT c.email FROM presentation.fact_ticket_sale f "
                + "JOIN presentation.dim_customer c ON c.customer_key = f.customer_key WHERE f.sale_id = '9001-SALE'"));
        assertEquals(List.of("Old Hall", "New Hall"), List.of(
                warehouseStrings("SELECT p.venue_name FROM presentation.fact_ticket_sale f JOIN presentation.dim_performance p "
                        + "ON p.performance_key = f.performance_key WHERE f.sale_id = '9001-SALE'").get(0),
                warehouseStrings("SELECT p.venue_name FROM presentation.fact_ticket_sale f JOIN presentation.dim_performance p "
                        + "ON p.performance_key = f.performance_key WHERE f.sale_id = '9002-SALE'").get(0)));
        // Bob was deleted: his only version is closed, he has no current row
        assertEquals(List.of("closed"), warehouseStrings("SELECT CASE WHEN is_current THEN 'current' ELSE 'closed' END "
                + "FROM presentation.dim_customer WHERE customer_ref = '" + BOB + "'"));

        // Oracle from the topic alone (this test's own reading): SALE minus REVERSAL per currency, one fact per sale_id.
        Map<String, BigDecimal> net = new java.util.TreeMap<>();
        sales.stream().collect(Collectors.toMap(TicketSale::getSaleId, s -> s, (a, b) -> a)).values().forEach(s ->
                net.merge(s.getCurrency(), s.getType() == SaleType.REVERSAL ? s.getGrossAmount().negate() : s.getGrossAmount(), BigDecimal::add));
        assertEquals(net, netGrossOfTheWarehouse(), "net gross per currency, warehouse vs ticketing.ticket-sale.v1");
        Map<String, io.ticketstream.schemas.Order> latestOrders = new HashMap<>();
        canonical.readAll(CanonicalTopics.ORDER, CanonicalSerdes.order().deserializer()).forEach(e -> latestOrders.put(e.key(), e.value()));
        long paidTickets = latestOrders.values().stream().filter(o -> o != null && o.getStatus() == io.ticketstream.schemas.OrderStatus.PAID)
                .flatMap(o -> o.getTickets().stream()).filter(t -> t.getStatus() == io.ticketstream.schemas.TicketStatus.ISSUED).count();
        assertTrue(paidTickets > 60, "the check-outs of this test paid tickets: " + paidTickets);
        assertEquals(List.of(String.valueOf(paidTickets)), warehouseStrings("SELECT COUNT(*) FROM presentation.fact_ticket"),
                "tickets of paid orders, warehouse vs ticketing.order.v1");

        // The same reconciliations, and the checks inside the warehouse, with the CLI a CI job runs.
        Cli check = warehouse("check", "--bootstrap-server", pipeline.bootstrapServers());
        assertEquals(ExitCodes.OK, check.exitCode(), check::toString);
        assertTrue(check.out().contains("local: 8 passed, 0 failed"), check::toString);

        // At-least-once landing: a record landed twice changes no fact and no figure.
        try (Connection warehouse = pipeline.warehouseConnection(); var statement = warehouse.createStatement()) {
            assertEquals(1, statement.executeUpdate("INSERT INTO canonical.ticket_sale SELECT * FROM canonical.ticket_sale "
                    + "WHERE sale_id = '9002-SALE'"));
            assertEquals(1, statement.executeUpdate("INSERT INTO canonical.orders SELECT * FROM canonical.orders "
                    + "WHERE order_id = 9002 AND status = 'PAID'"));
        }
        Cli afterDuplicate = warehouse("check", "--bootstrap-server", pipeline.bootstrapServers());
        assertEquals(ExitCodes.OK, afterDuplicate.exitCode(), afterDuplicate::toString);
        assertEquals(net, netGrossOfTheWarehouse());

        // Re-applying the migrations is a no-op.
        long changelogRows = Long.parseLong(warehouseStrings("SELECT COUNT(*) FROM databasechangelog").get(0));
        Cli again = warehouse("apply");
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);
        assertTrue(again.out().contains("up to date, nothing to apply"), again::toString);
        assertEquals(List.of(String.valueOf(changelogRows)), warehouseStrings("SELECT COUNT(*) FROM databasechangelog"));
    }

    private static Map<String, BigDecimal> netGrossOfTheWarehouse() throws Exception {
        Map<String, BigDecimal> net = new java.util.TreeMap<>();
        for (String row : warehouseStrings("SELECT currency || '=' || SUM(signed_gross_amount) FROM presentation.fact_ticket_sale GROUP BY currency")) {
            net.put(row.split("=")[0], new BigDecimal(row.split("=")[1]));
        }
        return net;
    }

    private static List<String> warehouseStrings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection warehouse = pipeline.warehouseConnection(); var statement = warehouse.createStatement();
             var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    private static void awaitWarehouse(String countSql, long expected, String what) throws InterruptedException {
        TestUtils.waitForCondition(() -> Long.parseLong(warehouseStrings(countSql).get(0)) == expected, WAIT_MS,
                () -> "the warehouse does not show " + what + "; landing connector " + taskState("warehouse-landing"));
    }

    private static TicketSale sale(long orderId, String saleId) {
        return TicketSale.newBuilder()
                .setSaleId(saleId).setType(SaleType.SALE).setOrderId(orderId).setOccurredAt(java.time.Instant.now())
                .setCustomerRef(ADA).setCustomerKnown(false).setCustomer(null)
                .setPerformanceId(102).setPerformanceKnown(false).setPerformance(null)
                .setTicketCount(1).setGrossAmount(new BigDecimal("12.50")).setCurrency("GBP")
                .setChannel(io.ticketstream.schemas.SalesChannel.WEB)
                .build();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size()); // nearest-rank
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<BigDecimal> prices(String... prices) {
        return java.util.Arrays.stream(prices).map(BigDecimal::new).toList();
    }

    private record Cli(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = OpsCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** {@code ticketstream-ops apply connectors/ --env local} with only what this run chose at start-up on top. */
    private static Cli apply(String... extra) {
        List<String> args = new ArrayList<>(List.of("apply", PipelineUnderTest.projectRoot().resolve("connectors").toString(),
                "--env", "local",
                "--set", "aurora-catalog:database.port=" + pipeline.postgresPort(),
                "--set", "aurora-catalog:signal.kafka.bootstrap.servers=" + pipeline.bootstrapServers(),
                "--set", "warehouse-landing:connection.url=" + pipeline.warehouseUrl(),
                "--set", "braze-users:braze.rest.url=" + pipeline.braze().baseUri().toString().replaceAll("/+$", ""),
                "--set", "braze-subscriptions:braze.rest.url=" + pipeline.braze().baseUri().toString().replaceAll("/+$", ""),
                "--timeout", "4m",
                "--connect-url", pipeline.connectUrl()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    /**
     * {@code ticketstream-ops warehouse <verb> --env local} with the shipped warehouse/env/local.json, pointed at this
     * run's warehouse: its URL, and the password from the environment (the shipped file reads the local stack's
     * secrets file).
     */
    private static Cli warehouse(String verb, String... extra) throws Exception {
        Path envDir = Files.createDirectories(workDir.resolve("warehouse-env"));
        ObjectNode local = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PipelineUnderTest.projectRoot().resolve("warehouse/env/local.json").toFile());
        local.put("password", "${env:WAREHOUSE_PASSWORD}");
        Files.writeString(envDir.resolve("local.json"), local.toString(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("warehouse", verb, "--env", "local", "--env-dir", envDir.toString(),
                "--url", pipeline.warehouseUrl()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private static long configTopicEnd() throws Exception {
        return recordCount(PipelineUnderTest.CONNECT_CONFIG_TOPIC);
    }

    private static long recordCount(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = pipeline.connect().kafka().createAdminClient()) {
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(wanted).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static String taskState(String connector) {
        ConnectorStateInfo status = pipeline.connect().connectorStatus(connector);
        return status.tasks().isEmpty() ? "no task" : status.tasks().get(0).state();
    }

    private static void awaitAccepted(org.apache.kafka.test.TestCondition condition, String what) throws InterruptedException {
        TestUtils.waitForCondition(condition, WAIT_MS, () -> "the Braze simulator has not received " + what
                + "; it has " + pipeline.braze().acceptedCount() + " objects; streams " + pipeline.streamsState()
                + "; braze-users " + taskState("braze-users"));
    }

    private static void awaitLatestPerformance(long performanceId, Predicate<Performance> expected) throws InterruptedException {
        awaitLatest(CanonicalTopics.PERFORMANCE, CanonicalSerdes.performance().deserializer(), String.valueOf(performanceId),
                e -> e.value() != null && expected.test(e.value()), "the expected version of performance " + performanceId);
    }

    private static <T> void awaitLatest(String topic, org.apache.kafka.common.serialization.Deserializer<T> values, String key,
                                        Predicate<CanonicalTopicReader.Entry<T>> expected, String what) throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            List<CanonicalTopicReader.Entry<T>> entries = canonical.readKey(topic, values, key);
            return !entries.isEmpty() && expected.test(entries.get(entries.size() - 1));
        }, WAIT_MS, () -> topic + " does not show " + what + "; streams " + pipeline.streamsState());
    }

    private static List<JsonNode> purchasesOf(BrazeSimulator braze, long orderId) {
        return braze.acceptedPurchases().stream().map(AcceptedObject::json)
                .filter(p -> p.at("/properties/order_id").asLong() == orderId).toList();
    }

    private static List<JsonNode> eventsOf(BrazeSimulator braze, String name) {
        return braze.acceptedEvents().stream().map(AcceptedObject::json).filter(e -> name.equals(e.get("name").asText())).toList();
    }

    private static List<JsonNode> attributesOf(BrazeSimulator braze, String externalId) {
        return braze.acceptedAttributes().stream().map(AcceptedObject::json)
                .filter(a -> externalId.equals(a.path("external_id").asText())).toList();
    }

    private static List<JsonNode> subscriptionsOf(BrazeSimulator braze, String externalId) {
        return braze.acceptedSubscriptionChanges().stream().map(AcceptedObject::json)
                .filter(s -> externalId.equals(s.path("external_id").asText())).toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
