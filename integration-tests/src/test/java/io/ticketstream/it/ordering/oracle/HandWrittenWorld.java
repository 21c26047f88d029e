package io.ticketstream.it.ordering.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.standin.cdc.AuroraEnvelopes;
import io.ticketstream.standin.cdc.MongoEnvelopes;
import io.ticketstream.standin.cdc.RawEvent;
import io.ticketstream.standin.cdc.SqlServerEnvelopes;

/** A few rows written by hand, for checking the oracle on cases whose answer is obvious. Records keep call order. */
final class HandWrittenWorld {

    static final long GRACE = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(json, "sqlserver");
    private final MongoEnvelopes mongo = new MongoEnvelopes(json, "mongo");
    private final AuroraEnvelopes aurora = new AuroraEnvelopes(json, "aurora");
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

    /** Attraction 1, venue 1 and performance 100 at time 0, customer C-1 at time 1. */
    static HandWrittenWorld withCatalogueAndCustomer() {
        return new HandWrittenWorld()
                .attraction(0, 1, "Hamilton")
                .venue(0, 1, "Victoria Palace")
                .performance(0, 100, 1, 1)
                .customer(1, "C-1", "ada@example.org", "London");
    }

    HandWrittenWorld attraction(long ts, long id, String name) {
        return catalogue(ts, "attractions", "attraction_id", id, Map.of("attraction_id", id, "name", name, "genre", "musical",
                "promoter", "P"));
    }

    HandWrittenWorld venue(long ts, long id, String name) {
        return catalogue(ts, "venues", "venue_id", id, Map.of("venue_id", id, "name", name, "city", "London", "country", "GB",
                "timezone", "Europe/London", "capacity", 1500));
    }

    HandWrittenWorld performance(long ts, long id, long attraction, long venue) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("performance_id", id);
        row.put("attraction_id", attraction);
        row.put("venue_id", venue);
        row.put("starts_at", "2027-03-01T19:30:00.000000Z");
        row.put("on_sale_at", null);
        row.put("status", "ON_SALE");
        return catalogue(ts, "performances", "performance_id", id, row);
    }

    HandWrittenWorld deletePerformance(long ts, long id) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("performance_id", id);
        before.put("attraction_id", 0L);
        before.put("venue_id", 0L);
        before.put("starts_at", null);
        before.put("on_sale_at", null);
        before.put("status", "");
        aurora.delete("performances", "performance_id", id, before, ts).forEach(e -> add(e, ts));
        rows.remove("performances/" + id);
        return this;
    }

    HandWrittenWorld customer(long ts, String ref, String email, String city) {
        ObjectNode doc = json.createObjectNode();
        doc.putObject("_id").put("$oid", objectId(ref));
        doc.put("customer_ref", ref).put("email", email).put("first_name", "Ada").put("last_name", "L")
                .put("country", "GB").put("city", city);
        doc.putObject("loyalty").put("tier", "GOLD");
        doc.putObject("updated_at").put("$date", ts);
        boolean exists = rows.containsKey("customers/" + ref);
        rows.put("customers/" + ref, Map.of());
        add(mongo.upsert(objectId(ref), doc, exists ? Map.of("email", email, "city", city) : null, ts), ts);
        return this;
    }

    HandWrittenWorld deleteCustomer(long ts, String ref) {
        mongo.delete(objectId(ref), ts).forEach(e -> add(e, ts));
        return this;
    }

    /** An order row (created, or updated from its previous row), one transaction unless inside {@link #transaction}. */
    HandWrittenWorld order(long ts, long id, String ref, long performance, String status, String total) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_id", id);
        row.put("customer_ref", ref);
        row.put("performance_id", performance);
        row.put("status", status);
        row.put("channel", "WEB");
        row.put("currency", "GBP");
        row.put("total_amount", total);
        row.put("created_at", 0L);
        row.put("updated_at", ts);
        return sql(ts, "orders", "orders/" + id, row);
    }

    HandWrittenWorld deleteOrder(long ts, long id) {
        Map<String, Object> before = rows.remove("orders/" + id);
        sqlServer.delete("orders", before, ts).forEach(e -> add(e, ts));
        return this;
    }

    HandWrittenWorld ticket(long ts, long ticketId, long orderId, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ticket_id", ticketId);
        row.put("order_id", orderId);
        row.put("performance_id", 100L);
        row.put("section", "STALLS");
        row.put("row_label", "F");
        row.put("seat_number", (int) ticketId % 40);
        row.put("price_type", "ADULT");
        row.put("price", "45.00");
        row.put("status", status);
        return sql(ts, "tickets", "tickets/" + ticketId, row);
    }

    HandWrittenWorld payment(long ts, long paymentId, long orderId, String status, Long processedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payment_id", paymentId);
        row.put("order_id", orderId);
        row.put("amount", "90.00");
        row.put("method", "CARD");
        row.put("status", status);
        row.put("processed_at", processedAt);
        return sql(ts, "payments", "payments/" + paymentId, row);
    }

    /** Several rows committed together (one SQL Server transaction at {@code ts}). */
    HandWrittenWorld transaction(long ts, Runnable rows) {
        sqlServer.beginTransaction(ts);
        rows.run();
        sqlServer.endTransaction();
        return this;
    }

    /** The last record written, written again (a redelivery right after, or a replay later). */
    HandWrittenWorld again(int recordsBack) {
        Delivery original = deliveries.get(deliveries.size() - recordsBack);
        deliveries.add(original.again(Delivery.Kind.REPLAY, original.emittedAt()));
        return this;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    Expected expected() {
        return Expected.from(deliveries, GRACE);
    }

    private HandWrittenWorld catalogue(long ts, String table, String keyField, long id, Map<String, Object> row) {
        boolean exists = rows.containsKey(table + "/" + id);
        rows.put(table + "/" + id, row);
        add(exists ? aurora.update(table, keyField, id, row, ts) : aurora.create(table, keyField, id, row, ts), ts);
        return this;
    }

    private HandWrittenWorld sql(long ts, String table, String rowKey, Map<String, Object> row) {
        Map<String, Object> before = rows.put(rowKey, row);
        add(before == null ? sqlServer.create(table, row, ts) : sqlServer.update(table, before, row, ts), ts);
        return this;
    }

    private void add(RawEvent event, long ts) {
        deliveries.add(new Delivery(event, ts, ts, Delivery.Kind.ORIGINAL));
    }

    private static String objectId(String ref) {
        return String.format("%024x", Math.abs(ref.hashCode()));
    }
}
