package io.ticketstream.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds raw Debezium 3.x change events (key JSON, value JSON envelope, no embedded schema) as the three
 * source connectors write them (https://debezium.io/documentation/reference/stable/connectors/). SQL Server and MongoDB do not run
 * here: these envelopes are STAND-INS reproduced from Debezium's documented format (SQL Server with
 * decimal.handling.mode=string and time.precision.mode=connect; MongoDB with Extended JSON strings).
 */
public final class RawCdc {

    public static final String ORDERS = "sqlserver.ticketing.dbo.orders";
    public static final String TICKETS = "sqlserver.ticketing.dbo.tickets";
    public static final String PAYMENTS = "sqlserver.ticketing.dbo.payments";
    public static final String CUSTOMERS = "mongo.crm.customers";
    public static final String ATTRACTIONS = "aurora.catalog.attractions";
    public static final String VENUES = "aurora.catalog.venues";
    public static final String PERFORMANCES = "aurora.catalog.performances";

    /** Mapping name to raw topic, as the application configures it. */
    public static final Map<String, String> RAW_TOPICS = Map.of(
            "orders", ORDERS, "tickets", TICKETS, "payments", PAYMENTS, "customers", CUSTOMERS,
            "attractions", ATTRACTIONS, "venues", VENUES, "performances", PERFORMANCES);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One raw record. */
    public record Event(String topic, String key, String value, long commitTs) {
    }

    private RawCdc() {
    }

    // ---- SQL Server (stand-in) ----

    public static Event order(String op, long commitTs, long orderId, String customerRef, long performanceId,
                              String status, String total) {
        return sqlServer(ORDERS, "orders", op, commitTs, "order_id", orderId, row(
                "order_id", orderId, "customer_ref", customerRef, "performance_id", performanceId, "status", status,
                "channel", "WEB", "currency", "GBP", "total_amount", total,
                "created_at", 1_790_000_000_000L, "updated_at", commitTs));
    }

    public static Event ticket(String op, long commitTs, long ticketId, long orderId, long performanceId,
                               String price, String status) {
        return sqlServer(TICKETS, "tickets", op, commitTs, "order_id", orderId, row(
                "ticket_id", ticketId, "order_id", orderId, "performance_id", performanceId, "section", "STALLS",
                "row_label", "F", "seat_number", (int) (ticketId % 40) + 1, "price_type", "ADULT", "price", price,
                "status", status));
    }

    public static Event payment(String op, long commitTs, long paymentId, long orderId, String amount,
                                String status, long processedAt) {
        return sqlServer(PAYMENTS, "payments", op, commitTs, "order_id", orderId, row(
                "payment_id", paymentId, "order_id", orderId, "amount", amount, "method", "CARD", "status", status,
                "processed_at", processedAt));
    }

    /**
     * @param keyColumn the record key's column: the primary key for orders; order_id for tickets and payments, as
     *                  the shipped connector's {@code message.key.columns} makes it (co-partitioned by order)
     */
    private static Event sqlServer(String topic, String table, String op, long commitTs, String keyColumn, long keyValue,
                                   Map<String, Object> row) {
        ObjectNode source = JSON.createObjectNode().put("version", "3.6.1.Final").put("connector", "sqlserver")
                .put("name", "sqlserver").put("ts_ms", commitTs).put("snapshot", "false").put("db", "ticketing")
                .put("schema", "dbo").put("table", table).put("change_lsn", "00000027:00000ac0:0002")
                .put("commit_lsn", "00000027:00000ac0:0007").put("event_serial_no", "1");
        return relational(topic, op, commitTs, keyColumn, keyValue, row, source);
    }

    // ---- Aurora PostgreSQL ----

    public static Event attraction(String op, long commitTs, long id, String name, String genre) {
        return postgres(ATTRACTIONS, "attractions", op, commitTs, "attraction_id", id,
                row("attraction_id", id, "name", name, "genre", genre, "promoter", "Live Nation"));
    }

    public static Event venue(String op, long commitTs, long id, String name, String city) {
        return postgres(VENUES, "venues", op, commitTs, "venue_id", id, row("venue_id", id, "name", name,
                "city", city, "country", "GB", "timezone", "Europe/London", "capacity", 2000));
    }

    public static Event performance(String op, long commitTs, long id, long attractionId, long venueId, String status) {
        return postgres(PERFORMANCES, "performances", op, commitTs, "performance_id", id, row(
                "performance_id", id, "attraction_id", attractionId, "venue_id", venueId,
                "starts_at", "2027-03-01T19:30:00.000000Z", "on_sale_at", "2026-09-01T09:00:00.000000Z",
                "status", status));
    }

    private static Event postgres(String topic, String table, String op, long commitTs, String pk, long id,
                                  Map<String, Object> row) {
        ObjectNode source = JSON.createObjectNode().put("version", "3.6.1.Final").put("connector", "postgresql")
                .put("name", "aurora").put("ts_ms", commitTs).put("snapshot", "false").put("db", "catalog")
                .put("schema", "catalog").put("table", table).put("txId", 738).put("lsn", 22469456L);
        if ("d".equals(op)) {
            // Default replica identity: a delete's before image carries the key columns only.
            row = row(pk, id);
        }
        return relational(topic, op, commitTs, pk, id, row, source);
    }

    private static Event relational(String topic, String op, long commitTs, String pk, long id,
                                    Map<String, Object> row, ObjectNode source) {
        ObjectNode value = JSON.createObjectNode();
        boolean delete = "d".equals(op);
        value.set("before", delete ? JSON.valueToTree(row) : null);
        value.set("after", delete ? null : JSON.valueToTree(row));
        value.set("source", source);
        value.put("op", op);
        value.put("ts_ms", commitTs + 250);
        value.putNull("transaction");
        return new Event(topic, JSON.createObjectNode().put(pk, id).toString(), value.toString(), commitTs);
    }

    // ---- MongoDB (stand-in) ----

    /** A full customer document (op c, r or u with the looked-up full document). */
    public static Event customer(String op, long commitTs, String oid, String customerRef, String email, String city,
                                 String tier, long points) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", Map.of("$oid", oid));
        doc.put("customer_ref", customerRef);
        doc.put("email", email);
        doc.put("phone", "+44 20 7946 0000");
        doc.put("first_name", "Anne");
        doc.put("last_name", "Marie");
        doc.put("date_of_birth", "1990-04-01");
        doc.put("country", "GB");
        doc.put("city", city);
        doc.put("preferences", Map.of("email_opt_in", true, "sms_opt_in", false, "favourite_genres", List.of("musical")));
        doc.put("loyalty", Map.of("tier", tier, "points", points));
        doc.put("created_at", Map.of("$date", 1_700_000_000_000L));
        doc.put("updated_at", Map.of("$date", commitTs));
        return mongo(op, commitTs, oid, write(doc), null);
    }

    /** An update whose full document could not be looked up: only updateDescription (a partial row). */
    public static Event customerPartial(long commitTs, String oid, Map<String, Object> updatedFields) {
        ObjectNode description = JSON.createObjectNode();
        description.put("updatedFields", write(updatedFields));
        description.putNull("removedFields");
        description.putNull("truncatedArrays");
        return mongo("u", commitTs, oid, null, description);
    }

    public static Event customerDelete(long commitTs, String oid) {
        return mongo("d", commitTs, oid, null, null);
    }

    private static Event mongo(String op, long commitTs, String oid, String after, ObjectNode updateDescription) {
        ObjectNode value = JSON.createObjectNode();
        value.put("op", op);
        value.put("ts_ms", commitTs + 250);
        value.putNull("before");
        if (after == null) {
            value.putNull("after");
        } else {
            value.put("after", after);
        }
        if (updateDescription != null) {
            value.set("updateDescription", updateDescription);
        }
        value.set("source", JSON.createObjectNode().put("connector", "mongodb").put("name", "mongo")
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "crm").put("rs", "rs0")
                .put("collection", "customers").put("ord", 1));
        String key = JSON.createObjectNode().put("id", "{\"$oid\": \"" + oid + "\"}").toString();
        return new Event(CUSTOMERS, key, value.toString(), commitTs);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
