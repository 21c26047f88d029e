package io.ticketstream.it.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.ops.OpsCli;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginPath;

/**
 * Issue 12, item 5: Braze's first load beside the live connector, as an operator runs it: {@code backfill start}
 * deploys the shipped {@code connectors/backfill/braze-users-backfill.json} (the compacted Customer topic from its
 * beginning, our converter and attributes transform, a 0.3 share, bulk-marked) with the live connector's Braze
 * connection; {@code backfill status} shows progress and ETA; {@code backfill stop} stops it. Real worker, assembled
 * plugins, the Braze simulator (a stand-in for Braze, not Braze).
 */
class BrazeBackfillTest {

    private static final String KEY = "test-only-not-a-secret"; // what ${env:BRAZE_API_KEY} holds in this module's tests
    private static final int LIMIT = 20;
    private static final int CUSTOMERS = 3_000;
    private static final int LIVE_EVENTS = 6_000;

    @Test
    void aBackfillRunsBesideTheLiveConnectorWithItsShareMarkedAsBulkAndTheCliShowsAndStopsIt() throws Exception {
        EmbeddedConnectCluster connect = ConnectClusters.builder("braze-backfill", PluginPath.assembledWith(
                "connect-braze-sink", "connect-smt")).build();
        connect.start();
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(KEY))
                .rateLimit(LIMIT, Duration.ofSeconds(1)).build().start()) {
            connect.kafka().createTopic("ticketing.customer.v1", 2);
            connect.kafka().createTopic("live-events", 2);
            connect.kafka().createTopic("ticketing.braze.dlq", 1);
            produceCustomers(connect);
            produceLiveEvents(connect);
            String rest = connect.endpointForResource("").replaceAll("/$", "");
            Map<String, String> live = new HashMap<>();
            live.put("connector.class", "io.ticketstream.connect.braze.BrazeSinkConnector");
            live.put("tasks.max", "1");
            live.put("topics", "live-events");
            live.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            live.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            live.put("value.converter.schemas.enable", "false");
            live.put("braze.rest.url", sim.baseUri().toString());
            live.put("braze.allow.insecure.http", "true");
            live.put("braze.api.key", "${env:BRAZE_API_KEY}");
            live.put("braze.quota.requests.per.window", Integer.toString(LIMIT));
            live.put("braze.quota.window.ms", "1000");
            connect.configureConnector("braze-users", live);

            String started = cli("backfill", "start", "--connect-url", rest, "--file", backfillFile(),
                    "--set", "errors.deadletterqueue.topic.replication.factor=1");
            assertTrue(started.contains("braze-users-backfill: started") && started.contains("share 0.3"), started);

            TestUtils.waitForCondition(() -> sim.acceptedAttributes().size() >= CUSTOMERS / 3, 240_000, 1_000,
                    () -> "backfill under way: " + sim.acceptedAttributes().size());
            String status = cli("backfill", "status", "--connect-url", rest, "--file", backfillFile(), "--bootstrap-server",
                    connect.kafka().bootstrapServers(), "--interval", "3s");
            System.out.println(status);
            assertTrue(status.matches("(?s)braze-users-backfill: RUNNING, [\\d,]+ of 3,000 records .*ETA .*"), status);

            TestUtils.waitForCondition(() -> users(sim.acceptedAttributes()) == CUSTOMERS
                    && sim.acceptedEvents().size() >= LIVE_EVENTS, 300_000, 1_000, () -> "all delivered: "
                    + users(sim.acceptedAttributes()) + " customers, " + sim.acceptedEvents().size() + " live events");
            SimulatorStats stats = sim.stats();
            long trackRequests = stats.requests(BrazeSimulator.USERS_TRACK);
            long bulk = sim.bulkRequests(BrazeSimulator.USERS_TRACK);
            System.out.printf("backfill beside live: %d requests, %d of them bulk-marked (the backfill's), "
                            + "429s %d (max %d in a window), per window %s%n", trackRequests, bulk,
                    stats.tooManyRequestsTotal(), stats.maxTooManyRequestsInAWindow(BrazeSimulator.USERS_TRACK),
                    stats.requestsPerWindow(BrazeSimulator.USERS_TRACK).values());
            // the backfill's requests, and only those, are bulk: attributes come from it alone here, events from the
            // live connector alone. (How many requests the backfill needs depends on how full the sink fills them.)
            assertTrue(sim.acceptedAttributes().stream().allMatch(sim::arrivedInBulkRequest),
                    "every backfill attribute arrived in a bulk-marked request");
            assertTrue(sim.acceptedEvents().stream().noneMatch(sim::arrivedInBulkRequest),
                    "no live event arrived in a bulk-marked request");
            assertTrue(bulk >= (CUSTOMERS + 74) / 75, "bulk-marked requests " + bulk + ": at most 75 attributes each");
            assertTrue(stats.maxTooManyRequestsInAWindow(BrazeSimulator.USERS_TRACK) <= 1);
            // the live connector was never starved: the backfill leaves it 70% of every window
            assertTrue(bulk < trackRequests - bulk, "live requests " + (trackRequests - bulk) + ", backfill " + bulk);

            String done = cli("backfill", "status", "--connect-url", rest, "--file", backfillFile(), "--bootstrap-server",
                    connect.kafka().bootstrapServers(), "--interval", "1s");
            assertTrue(done.contains("3,000 of 3,000 records (100.0%)") && done.contains("ETA done"), done);
            String stopped = cli("backfill", "stop", "--connect-url", rest, "--file", backfillFile());
            assertTrue(stopped.contains("stopped"), stopped);
            connect.assertions().assertConnectorIsStopped("braze-users-backfill", "backfill stopped");
        } finally {
            connect.stop();
        }
    }

    private static long users(java.util.List<AcceptedObject> attributes) {
        return attributes.stream().map(o -> o.text("external_id")).collect(Collectors.toSet()).size();
    }

    private static String backfillFile() {
        return PluginPath.projectRoot().resolve("connectors/backfill/braze-users-backfill.json").toString();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = OpsCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + out + err);
        return out.toString();
    }

    private static void produceCustomers(EmbeddedConnectCluster connect) throws Exception {
        var serializer = CanonicalSerdes.customer().serializer();
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of(
                "key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class))) {
            for (int i = 0; i < CUSTOMERS; i++) {
                Customer customer = Customer.newBuilder().setCustomerRef("C-" + i).setFirstName("Ada " + i)
                        .setCity("Leeds").setLoyaltyTier("GOLD").setLoyaltyPoints((long) i)
                        .setCommitTs(Instant.parse("2027-03-01T08:30:00Z")).build();
                producer.send(new ProducerRecord<>("ticketing.customer.v1", ("C-" + i).getBytes(StandardCharsets.UTF_8),
                        serializer.serialize("ticketing.customer.v1", customer)));
            }
            producer.flush();
        }
    }

    private static void produceLiveEvents(EmbeddedConnectCluster connect) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of(
                "key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class))) {
            for (int i = 0; i < LIVE_EVENTS; i++) {
                String json = "{\"braze_type\":\"event\",\"external_id\":\"L-" + (i % 1_000) + "\",\"name\":\"viewed\","
                        + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + i + "}}";
                producer.send(new ProducerRecord<>("live-events", null, json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
