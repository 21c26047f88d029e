package io.ticketstream.local.traffic;

import io.ticketstream.standin.cdc.RawEvent;
import io.ticketstream.standin.cdc.SqlServerEnvelopes;
import io.ticketstream.standin.cdc.MongoEnvelopes;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realistic check-out activity for the local stack. Each {@link #tick()} is one customer's check-out:
 * an order goes PENDING, gets its tickets and an authorised payment, is captured and becomes PAID; a few
 * are later refunded or voided. Customers sign up and change their profiles; the catalogue changes now
 * and then (a venue renamed, a performance sold out, a new performance on sale).
 *
 * <p>Catalogue changes are REAL rows written to PostgreSQL and captured by Debezium. Orders, tickets and
 * payments (SQL Server) and customer profiles (MongoDB) are SIMULATED Debezium envelopes written to the raw
 * topics, because neither database exists here.
 */
public final class TrafficGenerator {

    private static final String[] GENRES = {"musical", "opera", "ballet", "comedy", "rock", "classical"};
    private static final String[] CITIES = {"London", "Manchester", "Dublin", "Berlin", "Paris"};
    private static final String[] CHANNELS = {"WEB", "APP", "BOX_OFFICE"};
    private static final String[] PRICE_TYPES = {"ADULT", "ADULT", "CHILD", "CONCESSION"};

    private final ObjectMapper json = new ObjectMapper();
    private final SqlServerEnvelopes sqlServer;
    private final MongoEnvelopes mongo;
    private final RawEventSink sink;
    private final CatalogDatabase catalog;
    private final Clock clock;
    private final Random random;

    private final List<SimCustomer> customers = new ArrayList<>();
    private final List<Long> performances = new ArrayList<>();
    private final List<Map<String, Object>> paidOrders = new ArrayList<>();
    private long nextOrderId = 1_000;
    private long nextTicketId = 1_000;
    private long nextPaymentId = 1_000;
    private long nextCustomer = 1;
    private long nextPerformanceId;
    private long venueCount;
    private long attractionCount;

    private final AtomicLong simulatedEvents = new AtomicLong();
    private final AtomicLong catalogChanges = new AtomicLong();

    public TrafficGenerator(RawEventSink sink, java.sql.Connection catalogConnection, Clock clock, long seed) {
        this.sink = sink;
        this.catalog = new CatalogDatabase(catalogConnection);
        this.clock = clock;
        this.random = new Random(seed);
        this.sqlServer = new SqlServerEnvelopes(json, "sqlserver");
        this.mongo = new MongoEnvelopes(json, "mongo");
    }

    /** Creates the catalogue schema and a first catalogue when the database is empty. */
    public void prepareCatalog() throws SQLException {
        catalog.createSchema();
        attractionCount = catalog.maxId("attractions", "attraction_id");
        venueCount = catalog.maxId("venues", "venue_id");
        if (attractionCount == 0) {
            for (int i = 1; i <= 6; i++) {
                catalog.insertAttraction(i, "Attraction " + i, GENRES[i % GENRES.length], "Promoter " + (i % 3));
            }
            attractionCount = 6;
        }
        if (venueCount == 0) {
            for (int i = 1; i <= 4; i++) {
                catalog.insertVenue(i, "Venue " + i, CITIES[i % CITIES.length], "GB", "Europe/London", 800 + 400 * i);
            }
            venueCount = 4;
        }
        performances.addAll(catalog.performanceIds());
        nextPerformanceId = catalog.maxId("performances", "performance_id") + 1;
        while (performances.size() < 12) {
            addPerformance();
        }
    }

    /** One check-out, plus now and then a profile change or a catalogue change. */
    public void tick() throws SQLException {
        if (customers.isEmpty() || random.nextInt(4) == 0) {
            signUp();
        } else if (random.nextInt(5) == 0) {
            changeProfile(customers.get(random.nextInt(customers.size())));
        }
        checkout(customers.get(random.nextInt(customers.size())));
        if (!paidOrders.isEmpty() && random.nextInt(20) == 0) {
            refund(paidOrders.remove(random.nextInt(paidOrders.size())));
        }
        if (random.nextInt(25) == 0) {
            changeCatalog();
        }
    }

    public long simulatedEvents() {
        return simulatedEvents.get();
    }

    public long catalogChanges() {
        return catalogChanges.get();
    }

    private void signUp() {
        long n = nextCustomer++;
        SimCustomer customer = new SimCustomer(String.format("%024x", 0x5d2c00000000L + n), String.format("C-%06d", n));
        customer.document.put("customer_ref", customer.ref);
        customer.document.put("email", "customer" + n + "@example.org");
        customer.document.put("phone", "+4477009" + String.format("%05d", n % 100000));
        customer.document.put("first_name", "First" + n);
        customer.document.put("last_name", "Last" + n);
        customer.document.putObject("date_of_birth").put("$date", LocalDate.of(1960 + (int) (n % 40), 1 + (int) (n % 12), 1 + (int) (n % 28))
                .atStartOfDay().toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
        customer.document.put("country", "GB");
        customer.document.put("city", CITIES[random.nextInt(CITIES.length)]);
        ObjectNode preferences = customer.document.putObject("preferences");
        preferences.put("email_opt_in", random.nextBoolean()).put("sms_opt_in", random.nextBoolean());
        preferences.putArray("favourite_genres").add(GENRES[random.nextInt(GENRES.length)]);
        ObjectNode loyalty = customer.document.putObject("loyalty");
        loyalty.put("tier", "BRONZE").putObject("points").put("$numberLong", "0");
        long now = clock.millis();
        customer.document.putObject("created_at").put("$date", now);
        customer.document.putObject("updated_at").put("$date", now);
        customers.add(customer);
        emit(mongo.upsert(customer.objectId, customer.document, null, now));
    }

    private void changeProfile(SimCustomer customer) {
        long now = clock.millis();
        Map<String, Object> updated = new LinkedHashMap<>();
        switch (random.nextInt(3)) {
            case 0 -> {
                String city = CITIES[random.nextInt(CITIES.length)];
                customer.document.put("city", city);
                updated.put("city", city);
            }
            case 1 -> {
                boolean optIn = !customer.document.get("preferences").get("email_opt_in").asBoolean();
                ((ObjectNode) customer.document.get("preferences")).put("email_opt_in", optIn);
                updated.put("preferences.email_opt_in", optIn);
            }
            default -> {
                String tier = random.nextBoolean() ? "SILVER" : "GOLD";
                ((ObjectNode) customer.document.get("loyalty")).put("tier", tier);
                updated.put("loyalty.tier", tier);
            }
        }
        customer.document.putObject("updated_at").put("$date", now);
        updated.put("updated_at", Map.of("$date", now));
        emit(mongo.upsert(customer.objectId, customer.document, updated, now));
    }

    private void checkout(SimCustomer customer) {
        long orderId = nextOrderId++;
        long performanceId = performances.get(random.nextInt(performances.size()));
        int ticketCount = 1 + random.nextInt(4);
        BigDecimal total = BigDecimal.ZERO;
        long now = clock.millis();
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int i = 0; i < ticketCount; i++) {
            BigDecimal price = BigDecimal.valueOf(2500 + random.nextInt(7500), 2);
            total = total.add(price);
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("ticket_id", nextTicketId++);
            ticket.put("order_id", orderId);
            ticket.put("performance_id", performanceId);
            ticket.put("section", "STALLS");
            ticket.put("row_label", String.valueOf((char) ('A' + random.nextInt(20))));
            ticket.put("seat_number", 1 + random.nextInt(30));
            ticket.put("price_type", PRICE_TYPES[random.nextInt(PRICE_TYPES.length)]);
            ticket.put("price", price.toPlainString());
            ticket.put("status", "ISSUED");
            tickets.add(ticket);
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", orderId);
        order.put("customer_ref", customer.ref);
        order.put("performance_id", performanceId);
        order.put("status", "PENDING");
        order.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        order.put("currency", "GBP");
        order.put("total_amount", total.toPlainString());
        order.put("created_at", now);
        order.put("updated_at", now);
        emit(sqlServer.create("orders", order, now));
        for (Map<String, Object> ticket : tickets) {
            emit(sqlServer.create("tickets", ticket, now + 1));
        }
        Map<String, Object> payment = new LinkedHashMap<>();
        long paymentId = nextPaymentId++;
        payment.put("payment_id", paymentId);
        payment.put("order_id", orderId);
        payment.put("amount", total.toPlainString());
        payment.put("method", random.nextBoolean() ? "CARD" : "PAYPAL");
        payment.put("status", "AUTHORISED");
        payment.put("processed_at", now + 2);
        emit(sqlServer.create("payments", payment, now + 2));
        Map<String, Object> captured = new LinkedHashMap<>(payment);
        captured.put("status", "CAPTURED");
        captured.put("processed_at", now + 3);
        emit(sqlServer.update("payments", payment, captured, now + 3));
        Map<String, Object> paid = new LinkedHashMap<>(order);
        paid.put("status", "PAID");
        paid.put("updated_at", now + 3);
        emit(sqlServer.update("orders", order, paid, now + 3));
        paidOrders.add(paid);
        if (paidOrders.size() > 1_000) {
            paidOrders.remove(0);
        }
    }

    private void refund(Map<String, Object> paid) {
        long now = clock.millis();
        Map<String, Object> refunded = new LinkedHashMap<>(paid);
        refunded.put("status", "REFUNDED");
        refunded.put("updated_at", now);
        emit(sqlServer.update("orders", paid, refunded, now));
    }

    private void changeCatalog() throws SQLException {
        switch (random.nextInt(3)) {
            case 0 -> catalog.renameVenue(1 + random.nextInt((int) venueCount), "Venue " + Long.toHexString(random.nextLong()).substring(0, 6));
            case 1 -> {
                long id = performances.remove(random.nextInt(performances.size()));
                catalog.setPerformanceStatus(id, "SOLD_OUT");
                addPerformance();
            }
            default -> addPerformance();
        }
        catalogChanges.incrementAndGet();
    }

    private void addPerformance() throws SQLException {
        long id = nextPerformanceId++;
        Instant startsAt = clock.instant().plus(Duration.ofDays(7 + random.nextInt(90)));
        catalog.insertPerformance(id, 1 + random.nextInt((int) attractionCount), 1 + random.nextInt((int) venueCount),
                startsAt, clock.instant());
        performances.add(id);
        catalogChanges.incrementAndGet();
    }

    private void emit(RawEvent event) {
        sink.send(event);
        simulatedEvents.incrementAndGet();
    }

    /** A customer profile as the MongoDB document the simulated CDC events carry. */
    private final class SimCustomer {
        final String objectId;
        final String ref;
        final ObjectNode document;

        SimCustomer(String objectId, String ref) {
            this.objectId = objectId;
            this.ref = ref;
            this.document = json.createObjectNode();
            document.putObject("_id").put("$oid", objectId);
        }
    }
}
