package io.ticketstream.connect.smt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.SaleCustomer;
import io.ticketstream.schemas.SalePerformance;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginArchives;

/**
 * The whole Braze path on a real Connect worker: canonical Avro bytes (single-object encoding, written with the
 * schemas module's serde) on the canonical topics, read by the CanonicalAvroConverter, shaped by our transforms
 * and predicates, delivered by the Braze sink, received by the Braze simulator (a local stand-in for Braze, not
 * Braze). Both plugins are loaded from their packaged archives unpacked into plugin.path, as a user installs them.
 */
class BrazeChainIT {

    private static final String CUSTOMER_CHANGES = "ticketing.customer-change.v1";
    private static final String TICKET_SALES = "ticketing.ticket-sale.v1";
    private static final String API_KEY = "chain-it-braze-key-2b71";
    private static final String SALT = "chain-it-salt-9f03";
    private static final String EMAIL_GROUP = "3e9a1c0e-0000-4000-8000-000000000001";
    private static final String SMS_GROUP = "3e9a1c0e-0000-4000-8000-000000000002";
    private static final long TIMEOUT_MS = 90_000;

    private static EmbeddedConnectCluster connect;
    private static BrazeSimulator sim;
    private static Path secrets;

    @BeforeAll
    static void start() throws IOException {
        Path pluginPath = Files.createTempDirectory("smt-chain-plugins");
        PluginArchives.unpack(archive("smt.plugin.zip"), pluginPath);
        PluginArchives.unpack(archive("braze.sink.plugin.zip"), pluginPath);
        secrets = Files.createTempFile("chain-it-secrets", ".properties");
        Files.writeString(secrets, "braze.api.key=" + API_KEY + "\nhash.salt=" + SALT + "\n");
        sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(API_KEY)).build();
        sim.start();
        connect = ConnectClusters.builder("smt-chain-it", pluginPath).build();
        connect.start();
        connect.kafka().createTopic(CUSTOMER_CHANGES, 1);
        connect.kafka().createTopic(TICKET_SALES, 1);
    }

    @AfterAll
    static void stop() throws IOException {
        if (connect != null) {
            connect.stop();
        }
        if (sim != null) {
            sim.close();
        }
        if (secrets != null) {
            Files.deleteIfExists(secrets);
        }
    }

    private static Path archive(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name the plugin archive (set by the "
                    + "failsafe configuration in connect-smt/pom.xml); got " + path);
        }
        return Path.of(path);
    }

    @Test
    void customerChangesReachBrazeAsOnlyTheChangedAttributesAndSubscriptionStates() throws Exception {
        produce(CUSTOMER_CHANGES, CanonicalSerdes.customerChange().serializer(), List.of(
                Map.entry("C-1", change("C-1", true, List.of("customer_ref", "email", "phone", "first_name", "last_name",
                        "date_of_birth", "country", "city", "email_opt_in", "sms_opt_in", "favourite_genres",
                        "loyalty_tier", "loyalty_points")).build()),
                // C-2: first_name changed, city removed; everything else unchanged (and so not sent).
                Map.entry("C-2", change("C-2", false, List.of("first_name", "city")).setCity(null).setFirstName("Grace")
                        .build()),
                // Braze cannot place a user without an identifier: dead-letter topic, nothing lost.
                Map.entry("", change("", false, List.of("first_name")).build()),
                // C-3: only an unmapped field changed: nothing to tell Braze, so nothing is sent.
                Map.entry("C-3", change("C-3", false, List.of("loyalty_points")).build()),
                // C-4: marks the end: once it arrives, everything before it was processed.
                Map.entry("C-4", change("C-4", false, List.of("sms_opt_in", "last_name")).setSmsOptIn(true)
                        .setLastName("Hopper").build())));

        connect.configureConnector("braze-attributes", sinkConfig(CUSTOMER_CHANGES, "braze.dlq.attributes", Map.of(
                "transforms", "attributes",
                "transforms.attributes.type", "io.ticketstream.connect.smt.braze.BrazeAttributes$Value",
                "transforms.attributes.user.id.field", "customer_ref",
                "transforms.attributes.attributes", "email,phone,first_name,last_name,date_of_birth:dob,country,"
                        + "city:home_city,favourite_genres,loyalty_tier",
                "transforms.attributes.changed.fields.field", "changed_fields",
                "transforms.attributes.subscription.groups", "email_opt_in:" + EMAIL_GROUP)));
        connect.configureConnector("braze-sms-subscriptions", sinkConfig(CUSTOMER_CHANGES, "braze.dlq.subscriptions", Map.of(
                "transforms", "sms",
                "transforms.sms.type", "io.ticketstream.connect.smt.braze.BrazeSubscriptionState$Value",
                "transforms.sms.user.id.field", "customer_ref",
                "transforms.sms.subscription.field", "sms_opt_in",
                "transforms.sms.subscription.group.id", SMS_GROUP,
                "transforms.sms.changed.fields.field", "changed_fields")));

        TestUtils.waitForCondition(() -> attributesOf("C-4").isPresent() && subscriptionsOf("C-4").size() == 1
                        && subscriptionsOf("C-1").size() == 1, TIMEOUT_MS, 500,
                () -> "C-1 and C-4 did not reach the Braze simulator; accepted: " + sim.accepted() + "; dead letters: "
                        + deadLetters("braze.dlq.attributes", "braze.dlq.subscriptions"));

        JsonNode c1 = attributesOf("C-1").orElseThrow();
        assertEquals("ada.c-1@example.com", c1.get("email").asText());
        assertEquals("1990-04-01", c1.get("dob").asText());
        assertEquals("Leeds", c1.get("home_city").asText());
        assertEquals("opera", c1.get("favourite_genres").get(0).asText());
        assertEquals(EMAIL_GROUP, c1.get("subscription_groups").get(0).get("subscription_group_id").asText());
        assertEquals("subscribed", c1.get("subscription_groups").get(0).get("subscription_state").asText());
        assertFalse(c1.has("loyalty_points"), "unmapped fields are not sent");
        assertFalse(c1.has("changed_fields"));
        assertFalse(c1.has("braze_type"), "the sink's routing field is not an attribute");

        JsonNode c2 = attributesOf("C-2").orElseThrow();
        assertEquals(Set.of("external_id", "first_name", "home_city"), fieldNames(c2));
        assertEquals("Grace", c2.get("first_name").asText());
        assertTrue(c2.get("home_city").isNull(), "a listed null removes the attribute in Braze");

        assertTrue(attributesOf("C-3").isEmpty());
        assertEquals(Set.of("external_id", "last_name"), fieldNames(attributesOf("C-4").orElseThrow()),
                "sms_opt_in is not mapped to a group in the attributes connector: only last_name is sent");
        assertEquals(List.of("unsubscribed"), subscriptionsOf("C-1"));
        assertEquals(List.of("subscribed"), subscriptionsOf("C-4"));
        assertEquals(List.of(), subscriptionsOf("C-2"), "C-2's opt-ins did not change");

        for (String dlq : List.of("braze.dlq.attributes", "braze.dlq.subscriptions")) {
            ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(1, TIMEOUT_MS, dlq);
            ConsumerRecord<byte[], byte[]> record = dead.iterator().next();
            String message = new String(record.headers().lastHeader("__connect.errors.exception.message").value(),
                    StandardCharsets.UTF_8);
            assertTrue(message.contains("Field 'customer_ref' (the external_id identifier) is '' (String)"), message);
            assertEquals(CUSTOMER_CHANGES, new String(record.headers().lastHeader("__connect.errors.topic").value(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void ticketSalesBecomePurchasesAndReversalsBecomeEventsWithAHashedEmail() throws Exception {
        produce(TICKET_SALES, CanonicalSerdes.ticketSale().serializer(), List.of(
                Map.entry("981", sale(981, SaleType.SALE, "1234567.89")),
                Map.entry("982", sale(982, SaleType.SALE, "84.50")),
                Map.entry("981", sale(981, SaleType.REVERSAL, "1234567.89"))));

        Map<String, String> transforms = new HashMap<>();
        transforms.put("transforms", "hash,reversal,purchase");
        transforms.put("transforms.hash.type", "io.ticketstream.connect.smt.hash.HashField$Value");
        transforms.put("transforms.hash.fields", "customer.email");
        transforms.put("transforms.hash.salt", "${file:" + secrets + ":hash.salt}");
        transforms.put("transforms.hash.normalization", "trim_lowercase");
        // reversal before purchase: a predicate sees the record as the transforms before it left it.
        transforms.put("transforms.reversal.type", "io.ticketstream.connect.smt.braze.BrazeEvent$Value");
        transforms.put("transforms.reversal.predicate", "isSale");
        transforms.put("transforms.reversal.negate", "true");
        transforms.put("transforms.reversal.user.id.field", "customer_ref");
        transforms.put("transforms.reversal.event.name", "ticket_sale_reversed");
        transforms.put("transforms.reversal.time.field", "occurred_at");
        transforms.put("transforms.reversal.properties", "sale_id,order_id,gross_amount,currency");
        transforms.put("transforms.purchase.type", "io.ticketstream.connect.smt.braze.BrazePurchase$Value");
        transforms.put("transforms.purchase.predicate", "isSale");
        transforms.put("transforms.purchase.user.id.field", "customer_ref");
        transforms.put("transforms.purchase.product.id.field", "performance_id");
        transforms.put("transforms.purchase.currency.field", "currency");
        transforms.put("transforms.purchase.price.field", "gross_amount");
        transforms.put("transforms.purchase.time.field", "occurred_at");
        transforms.put("transforms.purchase.properties", "sale_id,ticket_count:tickets,performance.attraction_name:attraction,"
                + "performance.starts_at:starts_at,channel,customer.email:customer_email_sha256");
        transforms.put("predicates", "isSale");
        transforms.put("predicates.isSale.type", "io.ticketstream.connect.smt.predicates.FieldEquals$Value");
        transforms.put("predicates.isSale.field", "type");
        transforms.put("predicates.isSale.values", "SALE");
        connect.configureConnector("braze-sales", sinkConfig(TICKET_SALES, "braze.dlq.sales", transforms));

        TestUtils.waitForCondition(() -> objects(sim.acceptedPurchases(), "C-981").size() == 1
                        && objects(sim.acceptedPurchases(), "C-982").size() == 1
                        && objects(sim.acceptedEvents(), "C-981").size() == 1, TIMEOUT_MS, 500,
                () -> "sales did not reach the Braze simulator; accepted: " + sim.accepted() + "; dead letters: "
                        + deadLetters("braze.dlq.sales"));

        JsonNode purchase = objects(sim.acceptedPurchases(), "C-981").get(0);
        assertEquals("77", purchase.get("product_id").asText());
        assertEquals("GBP", purchase.get("currency").asText());
        assertEquals(0, new BigDecimal("1234567.89").compareTo(purchase.get("price").decimalValue()),
                purchase.get("price").toString());
        assertEquals("2027-03-01T08:30:00Z", purchase.get("time").asText());
        JsonNode properties = purchase.get("properties");
        assertEquals("981-SALE", properties.get("sale_id").asText());
        assertEquals(2, properties.get("tickets").asInt());
        assertEquals("La Traviata", properties.get("attraction").asText());
        assertEquals("2027-04-10T18:30:00Z", properties.get("starts_at").asText());
        assertEquals(sha256Hex(SALT + "ada.981@example.com"), properties.get("customer_email_sha256").asText());
        assertFalse(purchase.toString().contains("@example.com"), "no raw e-mail address reaches Braze");

        JsonNode reversal = objects(sim.acceptedEvents(), "C-981").get(0);
        assertEquals("ticket_sale_reversed", reversal.get("name").asText());
        assertEquals("981-REVERSAL", reversal.get("properties").get("sale_id").asText());
        assertEquals(0, new BigDecimal("1234567.89").compareTo(reversal.get("properties").get("gross_amount").decimalValue()));
        assertNull(reversal.get("price"));
        assertEquals(0, objects(sim.acceptedEvents(), "C-982").size(), "a SALE is not a reversal event");
    }

    private Map<String, String> sinkConfig(String topic, String dlq, Map<String, String> transforms) {
        Map<String, String> config = new HashMap<>(transforms);
        config.put("connector.class", "io.ticketstream.connect.braze.BrazeSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "io.ticketstream.connect.converter.CanonicalAvroConverter");
        config.put("braze.rest.url", sim.baseUri().toString());
        config.put("braze.allow.insecure.http", "true");
        config.put("braze.api.key", "${file:" + secrets + ":braze.api.key}");
        config.put("braze.linger.ms", "50");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        return config;
    }

    private static CustomerChange.Builder change(String ref, boolean firstSeen, List<String> changed) {
        return CustomerChange.newBuilder()
                .setCustomerRef(ref)
                .setFirstSeen(firstSeen)
                .setChangedFields(changed)
                .setEmail("ada." + ref.toLowerCase() + "@example.com")
                .setPhone("+447700900123")
                .setFirstName("Ada")
                .setLastName("Lovelace")
                .setDateOfBirth(LocalDate.of(1990, 4, 1))
                .setCountry("GB")
                .setCity("Leeds")
                .setEmailOptIn(true)
                .setSmsOptIn(false)
                .setFavouriteGenres(List.of("opera", "jazz"))
                .setLoyaltyTier("GOLD")
                .setLoyaltyPoints(1200L)
                .setCommitTs(Instant.parse("2027-03-01T08:30:00.123Z"));
    }

    private static TicketSale sale(long orderId, SaleType type, String gross) {
        return TicketSale.newBuilder()
                .setSaleId(orderId + "-" + type)
                .setType(type)
                .setOrderId(orderId)
                .setOccurredAt(Instant.parse("2027-03-01T08:30:00Z"))
                .setCustomerRef("C-" + orderId)
                .setCustomerKnown(true)
                .setCustomer(SaleCustomer.newBuilder().setEmail(" Ada." + orderId + "@Example.com").setFirstName("Ada")
                        .setLastName(null).setCountry("GB").setCity(null).setLoyaltyTier(null).build())
                .setPerformanceId(77L)
                .setPerformanceKnown(true)
                .setPerformance(SalePerformance.newBuilder().setStartsAt(Instant.parse("2027-04-10T18:30:00Z"))
                        .setAttractionId(5L).setAttractionName("La Traviata").setGenre("opera").setVenueId(9L)
                        .setVenueName("Grand Theatre").setVenueCity(null).setVenueCountry("GB").build())
                .setTicketCount(2)
                .setGrossAmount(new BigDecimal(gross))
                .setCurrency("GBP")
                .setChannel(SalesChannel.WEB)
                .build();
    }

    private static <T> void produce(String topic, Serializer<T> serializer, List<Map.Entry<String, T>> records) {
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of(
                "key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class))) {
            for (Map.Entry<String, T> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey().getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(topic, record.getValue())));
            }
            producer.flush();
        }
    }

    /** The error messages on the dead-letter topics, for a failure message. */
    private static List<String> deadLetters(String... topics) {
        List<String> messages = new java.util.ArrayList<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(5_000, topics)) {
                org.apache.kafka.common.header.Header header = record.headers().lastHeader("__connect.errors.exception.message");
                messages.add(record.topic() + ": " + (header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8)));
            }
        } catch (Exception e) {
            messages.add("(cannot read: " + e + ")");
        }
        return messages;
    }

    private static Optional<JsonNode> attributesOf(String externalId) {
        List<JsonNode> found = objects(sim.acceptedAttributes(), externalId);
        assertTrue(found.size() <= 1, () -> "attributes of " + externalId + " sent more than once: " + found);
        return found.stream().findFirst();
    }

    private static List<String> subscriptionsOf(String externalId) {
        return objects(sim.acceptedSubscriptionChanges(), externalId).stream()
                .filter(o -> SMS_GROUP.equals(o.path("subscription_group_id").asText()))
                .map(o -> o.get("subscription_state").asText()).collect(Collectors.toList());
    }

    private static List<JsonNode> objects(List<AcceptedObject> accepted, String externalId) {
        return accepted.stream().map(AcceptedObject::json)
                .filter(o -> externalId.equals(o.path("external_id").asText()))
                .collect(Collectors.toList());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
