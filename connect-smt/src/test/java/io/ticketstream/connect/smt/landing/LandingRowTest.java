package io.ticketstream.connect.smt.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.smt.CanonicalRecords;

class LandingRowTest {

    private static final Schema TICKET = SchemaBuilder.struct().name("io.ticketstream.schemas.Ticket")
            .field("ticket_id", Schema.INT64_SCHEMA).field("price", Decimal.schema(2)).field("status", Schema.STRING_SCHEMA).build();
    private static final Schema ORDER = SchemaBuilder.struct().name("io.ticketstream.schemas.Order")
            .field("order_id", Schema.INT64_SCHEMA)
            .field("tickets", SchemaBuilder.array(TICKET).build())
            .field("commit_ts", Timestamp.SCHEMA)
            .build();

    private static LandingRow.Value<SinkRecord> transform(Map<String, Object> config) {
        LandingRow.Value<SinkRecord> transform = new LandingRow.Value<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void nestedValuesBecomeJsonTextAndTheKeyAndMarkerAreAdded() {
        Struct ticket = new Struct(TICKET).put("ticket_id", 7L).put("price", new BigDecimal("45.00")).put("status", "ISSUED");
        java.util.Date commit = java.util.Date.from(java.time.Instant.parse("2027-03-01T08:30:00.123Z"));
        Struct order = new Struct(ORDER).put("order_id", 9001L).put("tickets", List.of(ticket)).put("commit_ts", commit);
        SinkRecord in = new SinkRecord("ticketing.order.v1", 2, Schema.STRING_SCHEMA, "9001", ORDER, order, 41L, 1000L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);

        SinkRecord out = transform(Map.of()).apply(in);

        Struct row = (Struct) out.value();
        assertEquals("9001", row.get("record_key"));
        assertEquals(false, row.get("record_deleted"));
        assertEquals(9001L, row.get("order_id"));
        assertEquals("[{\"ticket_id\":7,\"price\":45.00,\"status\":\"ISSUED\"}]", row.get("tickets"));
        assertEquals(commit, row.get("commit_ts"), "a top-level time stays a Connect Timestamp (a timestamp column)");
        assertEquals(Schema.Type.STRING, out.valueSchema().field("tickets").schema().type());
        assertEquals(Timestamp.LOGICAL_NAME, out.valueSchema().field("commit_ts").schema().name());
        assertEquals(List.of("record_key", "record_deleted", "order_id", "tickets", "commit_ts"),
                out.valueSchema().fields().stream().map(org.apache.kafka.connect.data.Field::name).toList());
        assertEquals(41L, out.kafkaOffset());
        assertEquals(1000L, out.timestamp());
    }

    @Test
    void aNestedRecordOfACanonicalSaleIsJsonWithItsTimeInEpochMillis() {
        Struct sale = CanonicalRecords.ticketSale("SALE", new BigDecimal("90.00"));
        SinkRecord out = transform(Map.of()).apply(new SinkRecord("ticketing.ticket-sale.v1", 0, Schema.STRING_SCHEMA, "9001",
                sale.schema(), sale, 3L));
        Struct row = (Struct) out.value();
        String performance = (String) row.get("performance");
        assertTrue(performance.contains("\"starts_at\":" + CanonicalRecords.STARTS.toEpochMilli()), performance);
        assertEquals(new BigDecimal("90.00"), row.get("gross_amount"), "a top-level decimal stays a Decimal");
    }

    @Test
    void aTombstoneBecomesARowWithTheKeyAndTheDeleteMarker() {
        SinkRecord out = transform(Map.of()).apply(new SinkRecord("ticketing.customer.v1", 1, Schema.STRING_SCHEMA, "C-000002",
                null, null, 12L));
        Struct row = (Struct) out.value();
        assertEquals("C-000002", row.get("record_key"));
        assertEquals(true, row.get("record_deleted"));
        assertEquals(2, out.valueSchema().fields().size());
    }

    @Test
    void withoutASchemaMapsAndListsBecomeJsonText() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("customer_ref", "C-1");
        value.put("favourite_genres", List.of("opera", "ballet"));
        value.put("loyalty", Map.of("tier", "GOLD"));
        SinkRecord out = transform(Map.of("key.field", "k", "deleted.field", "gone")).apply(
                new SinkRecord("t", 0, null, Map.of("id", "x"), null, value, 0L));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) out.value();
        assertEquals("{\"id\":\"x\"}", row.get("k"), "a map key is JSON text");
        assertEquals(false, row.get("gone"));
        assertEquals("[\"opera\",\"ballet\"]", row.get("favourite_genres"));
        assertEquals("{\"tier\":\"GOLD\"}", row.get("loyalty"));
        assertNull(out.valueSchema());
    }

    @Test
    void aFieldThatCollidesWithTheKeyFieldIsABadRecordNamingIt() {
        Schema schema = SchemaBuilder.struct().field("record_key", Schema.STRING_SCHEMA).build();
        DataException e = assertThrows(DataException.class, () -> transform(Map.of()).apply(
                new SinkRecord("t", 0, null, "k", schema, new Struct(schema).put("record_key", "v"), 0L)));
        assertTrue(e.getMessage().contains("record_key"), e.getMessage());
    }

    @Test
    void theSameNameForBothFieldsIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> transform(Map.of("key.field", "x", "deleted.field", "x")));
        assertTrue(e.getMessage().contains("deleted.field"), e.getMessage());
    }
}
