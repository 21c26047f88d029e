package io.ticketstream.bench.streams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates a realistic, coherent stream of raw Debezium change events over all seven sources, in the
 * envelope formats the topology reads (https://debezium.io/documentation/reference/stable/connectors/). SQL Server and MongoDB
 * events are STAND-INS built from Debezium's documented format; no such database runs here.
 *
 * <p>Mix: order lifecycles (order created PENDING, 1-4 tickets, payment authorised then captured, order
 * PAID; every 10th refunded, every 20th cancelled before payment, some tickets voided) make up about 83%
 * of events; customer changes (new documents, full updates, partial updates) about 15%; catalogue changes
 * (new performances, venue and attraction renames) about 2%. Commit times advance 1 ms per event.
 * Deterministic for a given seed.
 */
public final class CdcEventGenerator {

    public static final Map<String, String> RAW_TOPICS = Map.of(
            "orders", "sqlserver.ticketing.dbo.orders", "tickets", "sqlserver.ticketing.dbo.tickets",
            "payments", "sqlserver.ticketing.dbo.payments", "customers", "mongo.crm.customers",
            "attractions", "aurora.catalog.attractions", "venues", "aurora.catalog.venues",
            "performances", "aurora.catalog.performances");

    /** One raw record. */
    public record Event(String topic, String key, String value, long commitTs) {
    }

    private static final int IN_FLIGHT_ORDERS = 500;

    private final SplittableRandom random;
    private long commitTs;
    private long nextOrderId = 1;
    private long nextTicketId = 1;
    private long nextPaymentId = 1;
    private int customers;
    private int performances;
    private int attractions;
    private int venues;
    /** Orders in progress: each a queue of its remaining steps, built when emitted so commit times follow emission. */
    private final List<Deque<Supplier<Event>>> inFlight = new ArrayList<>();

    public CdcEventGenerator(long seed, long firstCommitTs) {
        this.random = new SplittableRandom(seed);
        this.commitTs = firstCommitTs;
    }

    /** The catalogue and customer base every run starts with (snapshot reads, op r). */
    public List<Event> snapshot() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(attraction("r", ++attractions));
            events.add(venue("r", ++venues));
        }
        for (int i = 0; i < 500; i++) {
            events.add(performance("r", ++performances));
        }
        for (int i = 0; i < 5_000; i++) {
            events.add(customer("r", ++customers));
        }
        return events;
    }

    public Event next() {
        double dice = random.nextDouble();
        if (dice < 0.02) {
            return catalogueChange();
        }
        if (dice < 0.17) {
            return customerChange();
        }
        return orderStep();
    }

    private Event catalogueChange() {
        double dice = random.nextDouble();
        if (dice < 0.4) {
            return performance("c", ++performances);
        }
        if (dice < 0.7) {
            return venue("u", 1 + random.nextInt(venues));
        }
        return attraction("u", 1 + random.nextInt(attractions));
    }

    private Event customerChange() {
        double dice = random.nextDouble();
        if (dice < 0.3) {
            return customer("c", ++customers);
        }
        int who = 1 + random.nextInt(customers);
        if (dice < 0.85) {
            return customer("u", who);
        }
        return customerPartial(who);
    }

    private Event orderStep() {
        if (inFlight.size() < IN_FLIGHT_ORDERS) {
            inFlight.add(orderLifecycle());
        }
        int slot = random.nextInt(inFlight.size());
        Deque<Supplier<Event>> steps = inFlight.get(slot);
        Event event = steps.poll().get();
        if (steps.isEmpty()) {
            inFlight.set(slot, orderLifecycle());
        }
        return event;
    }

    /** The steps of one order, in commit order. */
    private Deque<Supplier<Event>> orderLifecycle() {
        long orderId = nextOrderId++;
        String customerRef = "C-" + (1 + random.nextInt(Math.max(1, customers)));
        long performanceId = 1 + random.nextInt(Math.max(1, performances));
        int tickets = 1 + random.nextInt(4);
        String total = tickets * 45 + ".00";
        Deque<Supplier<Event>> steps = new ArrayDeque<>();
        steps.add((() -> order("c", orderId, customerRef, performanceId, "PENDING", total)));
        long firstTicket = nextTicketId;
        nextTicketId += tickets;
        for (int t = 0; t < tickets; t++) {
            long ticketId = firstTicket + t;
            steps.add((() -> ticket("c", ticketId, orderId, performanceId, "ISSUED")));
        }
        if (orderId % 20 == 0) {
            steps.add((() -> order("u", orderId, customerRef, performanceId, "CANCELLED", total)));
            return steps;
        }
        long paymentId = nextPaymentId++;
        steps.add((() -> payment("c", paymentId, orderId, total, "AUTHORISED")));
        steps.add((() -> payment("u", paymentId, orderId, total, "CAPTURED")));
        steps.add((() -> order("u", orderId, customerRef, performanceId, "PAID", total)));
        if (orderId % 15 == 0) {
            steps.add((() -> ticket("u", firstTicket, orderId, performanceId, "VOID")));
        }
        if (orderId % 10 == 0) {
            steps.add((() -> payment("u", paymentId, orderId, total, "REFUNDED")));
            steps.add((() -> order("u", orderId, customerRef, performanceId, "REFUNDED", total)));
        }
        return steps;
    }

    // ---- envelopes ----

    private Event order(String op, long id, String customerRef, long performanceId, String status, String total) {
        long ts = ++commitTs;
        String row = "{\"order_id\":" + id + ",\"customer_ref\":\"" + customerRef + "\",\"performance_id\":" + performanceId
                + ",\"status\":\"" + status + "\",\"channel\":\"" + (id % 3 == 0 ? "APP" : "WEB") + "\",\"currency\":\"GBP\""
                + ",\"total_amount\":\"" + total + "\",\"created_at\":" + (ts - 1000) + ",\"updated_at\":" + ts + "}";
        return sqlServer("orders", op, ts, "order_id", id, row);
    }

    private Event ticket(String op, long id, long orderId, long performanceId, String status) {
        long ts = ++commitTs;
        String row = "{\"ticket_id\":" + id + ",\"order_id\":" + orderId + ",\"performance_id\":" + performanceId
                + ",\"section\":\"STALLS\",\"row_label\":\"" + (char) ('A' + id % 20) + "\",\"seat_number\":" + (1 + id % 40)
                + ",\"price_type\":\"" + (id % 5 == 0 ? "CHILD" : "ADULT") + "\",\"price\":\"45.00\",\"status\":\"" + status + "\"}";
        return sqlServer("tickets", op, ts, "order_id", orderId, row); // keyed by order_id (message.key.columns)
    }

    private Event payment(String op, long id, long orderId, String amount, String status) {
        long ts = ++commitTs;
        String row = "{\"payment_id\":" + id + ",\"order_id\":" + orderId + ",\"amount\":\"" + amount
                + "\",\"method\":\"CARD\",\"status\":\"" + status + "\",\"processed_at\":" + ts + "}";
        return sqlServer("payments", op, ts, "order_id", orderId, row); // keyed by order_id (message.key.columns)
    }

    private static Event sqlServer(String table, String op, long ts, String pk, long id, String row) {
        String value = "{\"before\":null,\"after\":" + row + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"sqlserver\","
                + "\"name\":\"sqlserver\",\"ts_ms\":" + ts + ",\"snapshot\":\"false\",\"db\":\"ticketing\",\"schema\":\"dbo\","
                + "\"table\":\"" + table + "\",\"change_lsn\":\"00000027:00000ac0:0002\",\"commit_lsn\":\"00000027:00000ac0:0007\","
                + "\"event_serial_no\":\"1\"},\"op\":\"" + op + "\",\"ts_ms\":" + (ts + 200) + ",\"transaction\":null}";
        return new Event(RAW_TOPICS.get(table), "{\"" + pk + "\":" + id + "}", value, ts);
    }

    private Event attraction(String op, long id) {
        long ts = ++commitTs;
        String row = "{\"attraction_id\":" + id + ",\"name\":\"Show " + id + (op.equals("u") ? " (" + ts + ")" : "")
                + "\",\"genre\":\"" + (id % 2 == 0 ? "musical" : "comedy") + "\",\"promoter\":\"Promoter " + id % 7 + "\"}";
        return postgres("attractions", op, ts, "attraction_id", id, row);
    }

    private Event venue(String op, long id) {
        long ts = ++commitTs;
        String row = "{\"venue_id\":" + id + ",\"name\":\"Venue " + id + (op.equals("u") ? " (" + ts + ")" : "")
                + "\",\"city\":\"London\",\"country\":\"GB\",\"timezone\":\"Europe/London\",\"capacity\":" + (500 + id * 10) + "}";
        return postgres("venues", op, ts, "venue_id", id, row);
    }

    private Event performance(String op, long id) {
        long ts = ++commitTs;
        String row = "{\"performance_id\":" + id + ",\"attraction_id\":" + (1 + id % Math.max(1, attractions))
                + ",\"venue_id\":" + (1 + id % Math.max(1, venues)) + ",\"starts_at\":\"2027-03-01T19:30:00.000000Z\","
                + "\"on_sale_at\":\"2026-09-01T09:00:00.000000Z\",\"status\":\"ON_SALE\"}";
        return postgres("performances", op, ts, "performance_id", id, row);
    }

    private static Event postgres(String table, String op, long ts, String pk, long id, String row) {
        String value = "{\"before\":null,\"after\":" + row + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"postgresql\","
                + "\"name\":\"aurora\",\"ts_ms\":" + ts + ",\"snapshot\":\"false\",\"db\":\"catalog\",\"schema\":\"catalog\","
                + "\"table\":\"" + table + "\",\"txId\":738,\"lsn\":22469456,\"xmin\":null},\"op\":\"" + op + "\",\"ts_ms\":"
                + (ts + 200) + ",\"transaction\":null}";
        return new Event(RAW_TOPICS.get(table), "{\"" + pk + "\":" + id + "}", value, ts);
    }

    private Event customer(String op, int n) {
        long ts = ++commitTs;
        String doc = "{\"_id\": {\"$oid\": \"" + oid(n) + "\"}, \"customer_ref\": \"C-" + n + "\", \"email\": \"c" + n
                + "@example.org\", \"phone\": \"+44 20 7946 " + String.format("%04d", n % 10_000) + "\", \"first_name\": \"First"
                + n + "\", \"last_name\": \"Last" + n + "\", \"date_of_birth\": \"1990-04-01\", \"country\": \"GB\", \"city\": \""
                + (random.nextBoolean() ? "London" : "Leeds") + "\", \"preferences\": {\"email_opt_in\": " + random.nextBoolean()
                + ", \"sms_opt_in\": false, \"favourite_genres\": [\"musical\", \"comedy\"]}, \"loyalty\": {\"tier\": \""
                + (n % 3 == 0 ? "GOLD" : "SILVER") + "\", \"points\": " + random.nextInt(10_000) + "}, \"created_at\": {\"$date\": "
                + (ts - 100_000) + "}, \"updated_at\": {\"$date\": " + ts + "}}";
        return mongo(op, ts, n, "\"" + escape(doc) + "\"", null);
    }

    private Event customerPartial(int n) {
        long ts = ++commitTs;
        String updated = "{\"loyalty.points\": " + random.nextInt(10_000) + ", \"updated_at\": {\"$date\": " + ts + "}}";
        String description = "{\"updatedFields\":\"" + escape(updated) + "\",\"removedFields\":null,\"truncatedArrays\":null}";
        return mongo("u", ts, n, "null", description);
    }

    private static Event mongo(String op, long ts, int n, String after, String updateDescription) {
        String value = "{\"op\":\"" + op + "\",\"ts_ms\":" + (ts + 200) + ",\"before\":null,\"after\":" + after
                + (updateDescription == null ? "" : ",\"updateDescription\":" + updateDescription)
                + ",\"source\":{\"connector\":\"mongodb\",\"name\":\"mongo\",\"ts_ms\":" + ts + ",\"snapshot\":\"false\","
                + "\"db\":\"crm\",\"rs\":\"rs0\",\"collection\":\"customers\",\"ord\":1}}";
        String key = "{\"id\":\"{\\\"$oid\\\": \\\"" + oid(n) + "\\\"}\"}";
        return new Event(RAW_TOPICS.get("customers"), key, value, ts);
    }

    private static String oid(int n) {
        return String.format("5d2c%020x", n);
    }

    private static String escape(String json) {
        return json.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
