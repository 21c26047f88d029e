package io.ticketstream.streams.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every source x operation through the normalisation stage alone, from fixture envelopes. SQL Server and
 * MongoDB fixtures are stand-ins reproduced from Debezium's documented format; PostgreSQL fixtures are
 * hand-made until captured ones replace them (see fixtures/README.md).
 */
class NormalizeStageTest {

    private final NormalizeHarness harness = new NormalizeHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sqlServerSnapshotCreateUpdateDeleteBecomeUpsertsAndADeleteStampedWithCommitTime() {
        harness.pipeFixture("orders", "fixtures/sqlserver/orders.json");

        List<TestRecord<String, NormalizedRow>> out = harness.rows("orders");

        assertEquals(List.of("1001", "1002", "1002", "1001"), out.stream().map(TestRecord::key).toList());
        assertEquals(List.of(1795275001000L, 1795275100123L, 1795275160456L, 1795275200789L),
                out.stream().map(r -> r.timestamp()).toList(), "record time is source.ts_ms, not the envelope's ts_ms");

        NormalizedRow snapshot = out.get(0).value();
        assertEquals(NormalizedRow.Op.UPSERT, snapshot.op());
        assertEquals(orderFields(1001L, "C-000123", 501L, "PENDING", "WEB", "120.50", 1795275000000L, 1795275000000L),
                snapshot.fields());
        assertEquals(1795275001000L, snapshot.commitTs());
        assertFalse(snapshot.partial());

        assertEquals("PENDING", out.get(1).value().getString("status"));
        assertEquals("PAID", out.get(2).value().getString("status"));
        assertEquals(1795275160000L, out.get(2).value().getTimestamp("updated_at"));

        NormalizedRow delete = out.get(3).value();
        assertEquals(NormalizedRow.Op.DELETE, delete.op());
        assertEquals(orderFields(1001L, "C-000123", 501L, "PENDING", "WEB", "120.50", 1795275000000L, 1795275000000L),
                delete.fields(), "a SQL Server delete carries the full before image");

        assertEquals(1.0, harness.total("orders", "skipped-tombstone"));
        assertTrue(harness.deadLetters().isEmpty());
    }

    @Test
    void sqlServerPrimaryKeyChangeIsADeleteOfTheOldKeyThenAnUpsertOfTheNew() {
        harness.pipeFixture("orders", "fixtures/sqlserver/orders-pk-change.json");

        List<TestRecord<String, NormalizedRow>> out = harness.rows("orders");

        assertEquals(2, out.size());
        assertEquals("1003", out.get(0).key());
        assertEquals(NormalizedRow.Op.DELETE, out.get(0).value().op());
        assertEquals("1004", out.get(1).key());
        assertEquals(NormalizedRow.Op.UPSERT, out.get(1).value().op());
        assertEquals(out.get(0).timestamp(), out.get(1).timestamp(), "both halves share the commit time");
        assertEquals(1.0, harness.total("orders", "skipped-tombstone"));
    }

    @Test
    void sqlServerTicketsAndPaymentsCastIntsAndExactDecimals() {
        harness.pipeFixture("tickets", "fixtures/sqlserver/tickets.json");
        harness.pipeFixture("payments", "fixtures/sqlserver/payments.json");

        List<TestRecord<String, NormalizedRow>> tickets = harness.rows("tickets");
        assertEquals(List.of(NormalizedRow.Op.UPSERT, NormalizedRow.Op.UPSERT, NormalizedRow.Op.DELETE),
                tickets.stream().map(r -> r.value().op()).toList());
        NormalizedRow ticket = tickets.get(0).value();
        assertEquals(Integer.valueOf(12), ticket.getInt("seat_number"));
        assertEquals(new BigDecimal("22.50"), ticket.getDecimal("price"));
        assertEquals(2, ticket.getDecimal("price").scale(), "the scale survives normalisation and the serde");
        assertEquals("ADULT", ticket.getString("price_type"));
        assertEquals("VOID", tickets.get(1).value().getString("status"));
        assertEquals(1.0, harness.total("tickets", "skipped-tombstone"));

        List<TestRecord<String, NormalizedRow>> payments = harness.rows("payments");
        assertEquals(List.of("AUTHORISED", "CAPTURED"), payments.stream().map(r -> r.value().getString("status")).toList());
        assertEquals(Map.of("payment_id", 7001L, "order_id", 1002L, "amount", new BigDecimal("45.00"), "method", "CARD",
                "status", "CAPTURED", "processed_at", 1795275158000L), payments.get(1).value().fields());
        assertEquals(1795275158500L, payments.get(1).timestamp());
    }

    @Test
    void mongoDocumentsWithNestedPathsExtendedJsonPartialUpdatesAndKeyOnlyDeletes() {
        harness.pipeFixture("customers", "fixtures/mongo/customers.json");

        List<TestRecord<String, NormalizedRow>> out = harness.rows("customers");
        assertEquals(List.of("65a1b2c3d4e5f60718293a4b", "65a1b2c3d4e5f60718293a4c", "65a1b2c3d4e5f60718293a4b",
                "65a1b2c3d4e5f60718293a4b", "65a1b2c3d4e5f60718293a4c"), out.stream().map(TestRecord::key).toList());

        Map<String, Object> anne = new LinkedHashMap<>();
        anne.put("mongo_id", "65a1b2c3d4e5f60718293a4b");
        anne.put("customer_ref", "C-000123");
        anne.put("email", "anne.smith@example.org");
        anne.put("phone", "+44 20 7946 0000");
        anne.put("first_name", "Anne");
        anne.put("last_name", "Smith");
        anne.put("date_of_birth", (int) LocalDate.of(1990, 4, 17).toEpochDay());
        anne.put("country", "GB");
        anne.put("city", "London");
        anne.put("email_opt_in", true);
        anne.put("sms_opt_in", false);
        anne.put("favourite_genres", List.of("musical", "opera"));
        anne.put("loyalty_tier", "SILVER");
        anne.put("loyalty_points", 850L);
        anne.put("created_at", 1795270000000L);
        anne.put("updated_at", 1795270000000L);
        NormalizedRow snapshot = out.get(0).value();
        assertEquals(anne, snapshot.fields());
        assertEquals(NormalizedRow.Op.UPSERT, snapshot.op());
        assertEquals(1795271000000L, out.get(0).timestamp());

        NormalizedRow bo = out.get(1).value();
        assertEquals((int) LocalDate.of(1990, 1, 1).toEpochDay(), bo.getDate("date_of_birth"), "$date with $numberLong");
        assertEquals(10L, bo.getLong("loyalty_points"), "$numberInt");
        assertEquals(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli(), bo.getTimestamp("created_at"), "$date as ISO");
        assertEquals(List.of(), bo.getStringList("favourite_genres"));
        assertEquals(null, bo.getString("phone"), "a field the document lacks is null");
        assertTrue(bo.has("phone"));

        assertEquals("Anne Marie", out.get(2).value().getString("first_name"));
        assertFalse(out.get(2).value().partial(), "an update with the full document is a full row");

        NormalizedRow partial = out.get(3).value();
        assertTrue(partial.partial());
        assertEquals(NormalizedRow.Op.UPSERT, partial.op());
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("mongo_id", "65a1b2c3d4e5f60718293a4b");
        changed.put("phone", null);
        changed.put("email_opt_in", false);
        changed.put("loyalty_tier", "GOLD");
        changed.put("loyalty_points", 1200L);
        changed.put("updated_at", 1795275600000L);
        assertEquals(changed, partial.fields(), "only what updateDescription says: updated, removed (null), key from the record key");
        assertEquals(1.0, harness.total("customers", "skipped-unmapped-update"));

        NormalizedRow delete = out.get(4).value();
        assertEquals(NormalizedRow.Op.DELETE, delete.op());
        assertEquals(Map.of("mongo_id", "65a1b2c3d4e5f60718293a4c"), delete.fields(), "MongoDB deletes carry only the id");
        assertEquals(1795275700000L, out.get(4).timestamp());
        assertEquals(1.0, harness.total("customers", "skipped-tombstone"));
        assertTrue(harness.deadLetters().isEmpty());
    }

    @Test
    void postgresIsoTimestampsKeysOnlyDeleteAndTruncate() {
        harness.pipeFixture("performances", "fixtures/postgres-handmade/performances.json");
        harness.pipeFixture("attractions", "fixtures/postgres-handmade/attractions.json");
        harness.pipeFixture("venues", "fixtures/postgres-handmade/venues.json");

        List<TestRecord<String, NormalizedRow>> out = harness.rows("performances");
        assertEquals(List.of("501", "502", "501", "502"), out.stream().map(TestRecord::key).toList());
        NormalizedRow snapshot = out.get(0).value();
        assertEquals(Instant.parse("2027-03-01T19:30:00Z").toEpochMilli(), snapshot.getTimestamp("starts_at"));
        assertEquals(Instant.parse("2026-12-01T09:00:00Z").toEpochMilli(), snapshot.getTimestamp("on_sale_at"));
        assertEquals(1L, snapshot.getLong("attraction_id"));
        assertEquals("SOLD_OUT", out.get(2).value().getString("status"));

        NormalizedRow delete = out.get(3).value();
        assertEquals(NormalizedRow.Op.DELETE, delete.op());
        assertEquals(Map.of("performance_id", 502L), delete.fields(),
                "the default replica identity's before image holds only the key; its nulls mean 'not captured'");
        assertEquals(1.0, harness.total("performances", "skipped-tombstone"));
        assertEquals(1.0, harness.total("performances", "skipped-truncate"));

        assertEquals(Map.of("attraction_id", 1L, "name", "Hamilton", "genre", "musical", "promoter", "Live Nation"),
                harness.rows("attractions").get(0).value().fields());
        NormalizedRow venue = harness.rows("venues").get(0).value();
        assertEquals(Integer.valueOf(1517), venue.getInt("capacity"));
        assertEquals("Europe/London", venue.getString("timezone"));
        assertTrue(harness.deadLetters().isEmpty());
    }

    @Test
    void postgresUnchangedToastedColumnMakesAPartialRowInsteadOfCarryingThePlaceholder() {
        harness.pipe("attractions", "{\"attraction_id\":1}", "{\"before\":null,\"after\":{\"attraction_id\":1,"
                + "\"name\":\"__debezium_unavailable_value\",\"genre\":\"musical\",\"promoter\":\"LN\"},"
                + "\"source\":{\"connector\":\"postgresql\",\"ts_ms\":1795276000000},\"op\":\"u\"}");

        NormalizedRow row = harness.rows("attractions").get(0).value();
        assertTrue(row.partial());
        assertEquals(Map.of("attraction_id", 1L, "genre", "musical", "promoter", "LN"), row.fields());
    }

    private static Map<String, Object> orderFields(long id, String customer, long performance, String status, String channel,
                                                   String amount, long created, long updated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", id);
        m.put("customer_ref", customer);
        m.put("performance_id", performance);
        m.put("status", status);
        m.put("channel", channel);
        m.put("currency", "GBP");
        m.put("total_amount", new BigDecimal(amount));
        m.put("created_at", created);
        m.put("updated_at", updated);
        return m;
    }
}
