package io.ticketstream.streams.normalize;

import static io.ticketstream.streams.normalize.NormalizeHarness.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ticketstream.streams.dlq.DeadLetterQueue;

/**
 * Malformed input of every kind lands in the DLQ with its raw bytes and context (source topic, partition,
 * offset, error kind, mapping, field, message), and good records piped after it still come out.
 */
class DeadLetterQueueTest {

    private static final String ORDERS_TOPIC = "sqlserver.ticketing.dbo.orders";
    private static final String OID = "65a1b2c3d4e5f60718293a4b";
    private static final String MONGO_KEY = "{\"id\":\"{\\\"$oid\\\": \\\"" + OID + "\\\"}\"}";

    private final NormalizeHarness harness = new NormalizeHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    /** One malformed input: where it goes, what is wrong, what the DLQ must say. */
    record Bad(String mapping, String key, String value, String kind, String field) { }

    private static String order(String after) {
        return "{\"op\":\"c\",\"before\":null,\"after\":" + after
                + ",\"source\":{\"connector\":\"sqlserver\",\"ts_ms\":1795275100000,\"table\":\"orders\"}}";
    }

    private static String goodOrderAfter(String override) {
        String base = "\"order_id\":1,\"customer_ref\":\"C-1\",\"performance_id\":5,\"status\":\"PAID\",\"channel\":\"WEB\","
                + "\"currency\":\"GBP\",\"total_amount\":\"10.00\",\"created_at\":1795275000000,\"updated_at\":1795275000000";
        return "{" + base + (override.isEmpty() ? "" : "," + override) + "}";
    }

    private static String customer(String op, String after, String extra) {
        return "{\"op\":\"" + op + "\",\"before\":null,\"after\":" + after + extra
                + ",\"source\":{\"connector\":\"mongodb\",\"ts_ms\":1795275100000,\"collection\":\"customers\"}}";
    }

    private static String mongoAfter(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }

    private static final List<Bad> MALFORMED = List.of(
            new Bad("orders", "{\"order_id\":1}", "this is not json", "NOT_JSON", null),
            new Bad("orders", "{\"order_id\":1}", "[1,2,3]", "NOT_AN_OBJECT", null),
            new Bad("orders", "{\"order_id\":1}", "{\"after\":{},\"source\":{\"ts_ms\":1}}", "MISSING_OP", "op"),
            new Bad("orders", "{\"order_id\":1}", "{\"op\":\"x\",\"after\":{},\"source\":{\"ts_ms\":1}}", "UNKNOWN_OP", "op"),
            new Bad("orders", "{\"order_id\":1}", "{\"op\":\"c\",\"after\":" + goodOrderAfter("") + ",\"source\":{}}",
                    "BAD_COMMIT_TIME", "source.ts_ms"),
            new Bad("orders", "{\"order_id\":1}", "{\"op\":\"c\",\"after\":" + goodOrderAfter("")
                    + ",\"source\":{\"ts_ms\":\"yesterday\"}}", "BAD_COMMIT_TIME", "source.ts_ms"),
            new Bad("orders", "{\"order_id\":1}", order(goodOrderAfter("\"total_amount\":\"12,50\"")), "BAD_DECIMAL", "total_amount"),
            new Bad("orders", "{\"order_id\":1}", order(goodOrderAfter("\"status\":\"SHIPPED\"")), "ENUM_NOT_ALLOWED", "status"),
            new Bad("orders", "{\"order_id\":1}", order(goodOrderAfter("\"order_id\":null")), "MISSING_REQUIRED", "order_id"),
            new Bad("orders", "{\"order_id\":1}", order(goodOrderAfter("\"created_at\":\"2026-11-21 10:00\"")), "BAD_TIMESTAMP", "created_at"),
            new Bad("orders", "{\"order_id\":1}", order(goodOrderAfter("\"performance_id\":\"five\"")), "WRONG_TYPE", "performance_id"),
            new Bad("orders", "{\"order_id\":1}", order("{\"order_id\":1,\"status\":\"PAID\"}"), "UNKNOWN_COLUMN", "customer_ref"),
            new Bad("orders", "{\"order_id\":1}", order("null"), "MISSING_ROW_IMAGE", "after"),
            new Bad("orders", null, "{\"op\":\"d\",\"before\":null,\"after\":null,\"source\":{\"ts_ms\":1795275100000}}",
                    "MISSING_KEY", "order_id"),
            new Bad("tickets", "{\"ticket_id\":1}", "{\"op\":\"r\",\"after\":{\"ticket_id\":1,\"order_id\":2,\"performance_id\":3,"
                    + "\"section\":\"A\",\"row_label\":\"B\",\"seat_number\":4294967296,\"price_type\":\"ADULT\",\"price\":\"1.00\","
                    + "\"status\":\"ISSUED\"},\"source\":{\"ts_ms\":1}}", "BAD_NUMBER", "seat_number"),
            // A ticket keyed by its own id instead of its order's (message.key.columns missing): it would sit on another
            // partition than its order and be joined to nothing.
            new Bad("tickets", "{\"ticket_id\":1}", "{\"op\":\"c\",\"after\":{\"ticket_id\":1,\"order_id\":2,\"performance_id\":3,"
                    + "\"section\":\"A\",\"row_label\":\"B\",\"seat_number\":4,\"price_type\":\"ADULT\",\"price\":\"1.00\","
                    + "\"status\":\"ISSUED\"},\"source\":{\"ts_ms\":1}}", "WRONG_PARTITION_KEY", "order_id"),
            new Bad("performances", "{\"performance_id\":1}", "{\"op\":\"c\",\"after\":{\"performance_id\":1,\"attraction_id\":2,"
                    + "\"venue_id\":3,\"starts_at\":\"next tuesday\",\"on_sale_at\":null,\"status\":\"ON_SALE\"},"
                    + "\"source\":{\"ts_ms\":1}}", "BAD_TIMESTAMP", "starts_at"),
            new Bad("customers", MONGO_KEY, customer("c", mongoAfter("{not extended json"), ""), "BAD_EXTENDED_JSON", "after"),
            new Bad("customers", MONGO_KEY, customer("c", mongoAfter("{\"_id\":{\"$oid\":\"xyz\"},\"customer_ref\":\"C-1\"}"), ""),
                    "BAD_EXTENDED_JSON", "mongo_id"),
            new Bad("customers", MONGO_KEY, customer("c", mongoAfter("{\"_id\":{\"$oid\":\"" + OID + "\"},\"customer_ref\":\"C-1\","
                    + "\"loyalty\":{\"points\":{\"$numberLong\":\"lots\"}}}"), ""), "BAD_EXTENDED_JSON", "loyalty_points"),
            new Bad("customers", MONGO_KEY, customer("u", "null", ""), "NOTHING_USABLE", "after"),
            new Bad("customers", MONGO_KEY, customer("u", "null", ",\"updateDescription\":{\"updatedFields\":"
                    + mongoAfter("{\"preferences.favourite_genres.2\":\"jazz\"}") + ",\"removedFields\":null}"), "NOTHING_USABLE", null),
            new Bad("customers", null, customer("d", "null", ""), "MISSING_KEY", "mongo_id"));

    @Test
    void everyKindOfMalformedInputIsDeadLetteredWithContextAndLaterGoodRecordsStillComeOut() {
        List<String> expectedTopics = new ArrayList<>();
        for (Bad bad : MALFORMED) {
            harness.pipe(bad.mapping(), bad.key(), bad.value());
            expectedTopics.add(switch (bad.mapping()) {
                case "orders" -> ORDERS_TOPIC;
                case "tickets" -> "sqlserver.ticketing.dbo.tickets";
                case "performances" -> "aurora.catalog.performances";
                default -> "mongo.crm.customers";
            });
        }
        harness.pipe("orders", "{\"order_id\":1}", order(goodOrderAfter("")));

        List<TestRecord<byte[], byte[]>> dead = harness.deadLetters();
        assertEquals(MALFORMED.size(), dead.size(), "one DLQ record per malformed input");
        for (int i = 0; i < MALFORMED.size(); i++) {
            Bad bad = MALFORMED.get(i);
            TestRecord<byte[], byte[]> record = dead.get(i);
            String where = "malformed input #" + i + " (" + bad.kind() + ")";
            assertEquals(bad.kind(), header(record, DeadLetterQueue.HEADER_ERROR_KIND), where);
            assertEquals(expectedTopics.get(i), header(record, DeadLetterQueue.HEADER_TOPIC), where);
            assertEquals("0", header(record, DeadLetterQueue.HEADER_PARTITION), where);
            assertNotNull(header(record, DeadLetterQueue.HEADER_OFFSET), where);
            assertNotNull(header(record, DeadLetterQueue.HEADER_MESSAGE), where);
            assertArrayEquals(bad.value().getBytes(StandardCharsets.UTF_8), record.value(), where + ": raw value kept as read");
            if (!bad.kind().equals("NOT_JSON")) {
                assertEquals(bad.mapping(), header(record, DeadLetterQueue.HEADER_MAPPING), where);
                assertEquals(bad.field(), header(record, DeadLetterQueue.HEADER_FIELD), where);
            }
        }
        List<TestRecord<String, NormalizedRow>> rows = harness.rows("orders");
        assertEquals(1, rows.size(), "the good record after all the bad ones still comes out");
        assertEquals("1", rows.get(0).key());

        long processingFailures = MALFORMED.stream().filter(b -> !b.kind().equals("NOT_JSON")).count();
        double deadLettered = harness.total("orders", "dead-lettered") + harness.total("tickets", "dead-lettered")
                + harness.total("performances", "dead-lettered") + harness.total("customers", "dead-lettered");
        assertEquals(processingFailures, (long) deadLettered, "custom sensor counts processing failures");
        assertEquals(MALFORMED.size(), (long) harness.droppedRecords(), "Kafka Streams' dropped-records counts all");
    }

    @Test
    void aWronglyKeyedRowNamesTheKeyItHadAndTheKeyItNeeds() {
        Bad wrongKey = MALFORMED.stream().filter(b -> b.kind().equals("WRONG_PARTITION_KEY")).findFirst().orElseThrow();
        harness.pipe(wrongKey.mapping(), wrongKey.key(), wrongKey.value());

        String message = header(harness.deadLetters().get(0), DeadLetterQueue.HEADER_MESSAGE);
        assertTrue(message.contains("{\"order_id\": 2}") && message.contains("{\"ticket_id\":1}")
                && message.contains("message.key.columns"), message);
    }

    @Test
    void offsetsInTheDeadLetterHeadersPointAtTheBadRecord() {
        harness.pipe("orders", "{\"order_id\":1}", order(goodOrderAfter("")));
        harness.pipe("orders", "{\"order_id\":1}", order(goodOrderAfter("\"status\":\"LOST\"")));

        TestRecord<byte[], byte[]> dead = harness.deadLetters().get(0);
        assertEquals("1", header(dead, DeadLetterQueue.HEADER_OFFSET));
        String message = header(dead, DeadLetterQueue.HEADER_MESSAGE);
        assertTrue(message.contains("status") && message.contains("\"LOST\""), "names the field and the value: " + message);
    }

    @Test
    void customerErrorsNameTheFieldAndTheProblemButKeepThePersonalValueShort() {
        String email = "someone.very.identifiable@example.org";
        harness.pipe("customers", MONGO_KEY, customer("c", mongoAfter("{\"_id\":{\"$oid\":\"" + OID + "\"},\"customer_ref\":\"C-1\","
                + "\"email\":[\"" + email + "\"]}"), ""));

        TestRecord<byte[], byte[]> dead = harness.deadLetters().get(0);
        String message = header(dead, DeadLetterQueue.HEADER_MESSAGE);
        assertEquals("WRONG_TYPE", header(dead, DeadLetterQueue.HEADER_ERROR_KIND));
        assertEquals("email", header(dead, DeadLetterQueue.HEADER_FIELD));
        assertTrue(message.contains("email") && message.contains("expected a string"), message);
        assertFalse(message.contains("identifiable"), "no full personal value in the message: " + message);
        assertTrue(new String(dead.value(), StandardCharsets.UTF_8).contains(email), "the DLQ record itself keeps the raw value");
    }

    @Test
    void notJsonMessagesDoNotQuoteTheOffendingToken() {
        harness.pipe("customers", MONGO_KEY, "anne.smith@example.org wrote this");

        TestRecord<byte[], byte[]> dead = harness.deadLetters().get(0);
        String message = header(dead, DeadLetterQueue.HEADER_MESSAGE);
        assertEquals("NOT_JSON", header(dead, DeadLetterQueue.HEADER_ERROR_KIND));
        assertTrue(message.contains("not JSON"), message);
        assertFalse(message.contains("anne"), "the parser's token quote is blanked: " + message);
    }

    @Test
    void longValuesAreTruncatedInMessages() {
        String longStatus = "X".repeat(500);
        harness.pipe("orders", "{\"order_id\":1}", order(goodOrderAfter("\"status\":\"" + longStatus + "\"")));

        String message = header(harness.deadLetters().get(0), DeadLetterQueue.HEADER_MESSAGE);
        assertTrue(message.contains("(500 chars)"), message);
        assertTrue(message.length() < 300, "message stays short: " + message.length());
    }
}
