package io.ticketstream.warehouse.model;

import static io.ticketstream.warehouse.model.Landing.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ticketstream.warehouse.LocalWarehouse;
import io.ticketstream.warehouse.check.CheckResult;
import io.ticketstream.warehouse.check.TopicFigures;
import io.ticketstream.warehouse.check.WarehouseChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The star schema on a real PostgreSQL 15, from landing rows written the way the landing connector writes them:
 * a small history with an e-mail change after a sale, a venue rename, a refund, a voided ticket, a deleted customer
 * and a deleted order, a sale whose customer was not known, two currencies. Expected values are worked out by hand
 * from that history (comments say how). The methods run in order and build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarSchemaOnPostgresTest {

    private static final Instant T = Instant.parse("2027-01-10T10:00:00Z");
    private static final String CUSTOMER = "ticketing.customer.v1";
    private static final String PERFORMANCE = "ticketing.performance.v1";
    private static final String ORDER = "ticketing.order.v1";
    private static final String SALE = "ticketing.ticket-sale.v1";
    private static final String OLD_HALL = "{\"venue_id\":1,\"name\":\"Old Hall\",\"city\":\"Leeds\",\"country\":\"GB\",\"timezone\":\"Europe/London\",\"capacity\":1800}";
    private static final String NEW_HALL = OLD_HALL.replace("Old Hall", "New Hall");
    private static final String TRAVIATA = "{\"attraction_id\":1,\"name\":\"La Traviata\",\"genre\":\"opera\",\"promoter\":\"Opera North\"}";
    private static final Instant STARTS = Instant.parse("2027-03-01T19:30:00Z");

    private static LocalWarehouse warehouse;
    private static Connection connection;
    private static Landing landing;
    private static long sale9001Offset;

    @BeforeAll
    static void applyAndLand() throws Exception {
        warehouse = LocalWarehouse.start();
        connection = warehouse.connect();
        LocalWarehouse.migrations().apply(connection);
        landing = new Landing(connection);

        landing.record("performance", PERFORMANCE, 0, "101", at(0), performance(at(0), OLD_HALL));
        landing.record("customer", CUSTOMER, 0, "C-1", at(1), customer("C-1", "ada@old.example", "BRONZE", at(1)));
        landing.record("customer", CUSTOMER, 1, "C-2", at(1), customer("C-2", "bob@example.org", "SILVER", at(1)));
        landing.record("orders", ORDER, 2, "9001", at(4), order(9001, "C-1", "PENDING", "GBP", at(4), ticket(1, "ISSUED", "45.00"), ticket(2, "ISSUED", "45.00")));
        landing.record("orders", ORDER, 2, "9001", at(5), order(9001, "C-1", "PAID", "GBP", at(5), ticket(1, "ISSUED", "45.00"), ticket(2, "ISSUED", "45.00")));
        sale9001Offset = landing.record("ticket_sale", SALE, 1, "9001", at(5), sale("9001-SALE", "SALE", 9001, at(5), "C-1", "ada@old.example", "BRONZE", "Old Hall", 2, "90.00", "GBP"));
        landing.record("orders", ORDER, 0, "9002", at(6), order(9002, "C-2", "PAID", "GBP", at(6), ticket(3, "ISSUED", "60.50"), ticket(4, "VOID", "60.50")));
        // the streams app emitted this sale after its grace period without the customer: customer_known = false
        landing.record("ticket_sale", SALE, 0, "9002", at(6), unknownCustomerSale("9002-SALE", 9002, at(6), "C-2", "Old Hall", 1, "60.50", "GBP"));
        landing.record("orders", ORDER, 1, "9003", at(7), order(9003, "C-1", "PAID", "EUR", at(7), ticket(5, "ISSUED", "30.00")));
        landing.record("ticket_sale", SALE, 2, "9003", at(7), sale("9003-SALE", "SALE", 9003, at(7), "C-1", "ada@old.example", "BRONZE", "Old Hall", 1, "30.00", "EUR"));
        landing.record("performance", PERFORMANCE, 0, "101", at(8), performance(at(8), NEW_HALL));
        landing.record("orders", ORDER, 1, "9003", at(9), null); // the order was purged: a tombstone
        // Ada changes her e-mail after her sales
        landing.record("customer", CUSTOMER, 0, "C-1", at(10), customer("C-1", "ada@new.example", "BRONZE", at(10)));
        landing.record("orders", ORDER, 2, "9001", at(12), order(9001, "C-1", "REFUNDED", "GBP", at(12), ticket(1, "ISSUED", "45.00"), ticket(2, "ISSUED", "45.00")));
        landing.record("ticket_sale", SALE, 1, "9001", at(12), sale("9001-REVERSAL", "REVERSAL", 9001, at(12), "C-1", "ada@new.example", "BRONZE", "New Hall", 2, "90.00", "GBP"));
        landing.record("customer", CUSTOMER, 1, "C-2", at(20), null); // Bob deleted
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    @Order(1)
    void aCustomerWhoseEmailChangedAfterASaleKeepsTheOldEmailOnThatSalesDimensionRow() throws Exception {
        assertEquals(List.of("ada@old.example"), strings("SELECT c.email FROM presentation.fact_ticket_sale f "
                + "JOIN presentation.dim_customer c ON c.customer_key = f.customer_key WHERE f.sale_id = '9001-SALE'"));
        assertEquals(List.of("ada@new.example"), strings("SELECT c.email FROM presentation.fact_ticket_sale f "
                + "JOIN presentation.dim_customer c ON c.customer_key = f.customer_key WHERE f.sale_id = '9001-REVERSAL'"));
        assertEquals(List.of("ada@new.example"), strings("SELECT email FROM presentation.dim_customer WHERE customer_ref = 'C-1' AND is_current"));
        // the venue rename at T+8 splits the performance's history the same way
        assertEquals(List.of("9001-REVERSAL New Hall", "9001-SALE Old Hall", "9002-SALE Old Hall", "9003-SALE Old Hall"),
                strings("SELECT f.sale_id || ' ' || p.venue_name FROM presentation.fact_ticket_sale f "
                        + "JOIN presentation.dim_performance p ON p.performance_key = f.performance_key ORDER BY f.sale_id"));
    }

    @Test
    @Order(2)
    void aDeleteClosesTheCurrentVersionAndLeavesNoCurrentRow() throws Exception {
        assertEquals(List.of("false " + text(at(20))),
                strings("SELECT is_current || ' ' || valid_to FROM presentation.dim_customer WHERE customer_ref = 'C-2'"));
        assertEquals(List.of(text(at(10)) + " " + text(at(10)) + " 9999-12-31 00:00:00 true"),
                strings("SELECT a.valid_to || ' ' || b.valid_from || ' ' || b.valid_to || ' ' || b.is_current "
                        + "FROM presentation.dim_customer a JOIN presentation.dim_customer b ON a.customer_ref = b.customer_ref "
                        + "AND a.version_number = 1 AND b.version_number = 2 WHERE a.customer_ref = 'C-1'"));
    }

    @Test
    @Order(3)
    void aSaleWhoseCustomerWasNotKnownJoinsTheUnknownMember() throws Exception {
        assertEquals(List.of("-1 UNKNOWN"), strings("SELECT f.customer_key || ' ' || c.customer_ref FROM presentation.fact_ticket_sale f "
                + "JOIN presentation.dim_customer c ON c.customer_key = f.customer_key WHERE f.sale_id = '9002-SALE'"));
    }

    @Test
    @Order(4)
    void factTicketHasTheIssuedTicketsOfOrdersThatArePaidNow() throws Exception {
        // 9001 was refunded, 9003 deleted, ticket 4 of 9002 voided: only ticket 3 is a ticket of a paid order
        assertEquals(List.of("3 9002 60.50 " + text(at(6))),
                strings("SELECT ticket_id || ' ' || order_id || ' ' || price || ' ' || paid_at FROM presentation.fact_ticket"));
    }

    @Test
    @Order(5)
    void theWarehouseChecksPassAndTheFiguresAreTheHistorys() throws Exception {
        WarehouseChecks checks = new WarehouseChecks(connection);
        List<CheckResult> results = checks.insideTheWarehouse();
        assertTrue(results.stream().allMatch(CheckResult::ok), results::toString);
        TopicFigures figures = checks.figures();
        // GBP: +90.00 (9001 SALE) +60.50 (9002 SALE) -90.00 (9001 REVERSAL); EUR: +30.00 (9003)
        assertEquals(Map.of("GBP", new BigDecimal("60.50"), "EUR", new BigDecimal("30.00")), figures.netGrossPerCurrency());
        assertEquals(Map.of("SALE", 3L, "REVERSAL", 1L), figures.factsPerType());
        assertEquals(1, figures.ticketsOfPaidOrders());
    }

    @Test
    @Order(6)
    void aDuplicatedLandingRowDoesNotDoubleAFact() throws Exception {
        TopicFigures before = new WarehouseChecks(connection).figures();
        // the connector delivered the SALE of 9001 and the PAID order 9002 twice (at-least-once)
        landing.insert("ticket_sale", SALE, 1, sale9001Offset, "9001", at(5),
                sale("9001-SALE", "SALE", 9001, at(5), "C-1", "ada@old.example", "BRONZE", "Old Hall", 2, "90.00", "GBP"));
        landing.insert("orders", ORDER, 0, 0, "9002", at(6),
                order(9002, "C-2", "PAID", "GBP", at(6), ticket(3, "ISSUED", "60.50"), ticket(4, "VOID", "60.50")));
        assertEquals(2, count("SELECT COUNT(*) FROM canonical.ticket_sale WHERE sale_id = '9001-SALE'"), "landed twice");
        assertEquals(before, new WarehouseChecks(connection).figures());
        assertEquals(1, count("SELECT COUNT(*) FROM presentation.fact_ticket_sale WHERE sale_id = '9001-SALE'"));
        assertTrue(new WarehouseChecks(connection).insideTheWarehouse().stream().allMatch(CheckResult::ok));
    }

    @Test
    @Order(7)
    void keyTypesAgreeAcrossFactsAndDimensionsAndJoinWithoutCasts() throws Exception {
        String[][] pairs = {
            {"fact_ticket_sale", "customer_key", "dim_customer"}, {"fact_ticket_sale", "performance_key", "dim_performance"},
            {"fact_ticket_sale", "date_key", "dim_date"}, {"fact_ticket_sale", "customer_ref", "dim_customer"},
            {"fact_ticket_sale", "performance_id", "dim_performance"}, {"fact_ticket", "customer_key", "dim_customer"},
            {"fact_ticket", "performance_key", "dim_performance"}, {"fact_ticket", "date_key", "dim_date"},
            {"fact_ticket", "customer_ref", "dim_customer"}, {"fact_ticket", "performance_id", "dim_performance"},
        };
        for (String[] pair : pairs) {
            assertEquals(columnType(pair[2], pair[1]), columnType(pair[0], pair[1]), pair[0] + "." + pair[1] + " vs " + pair[2]);
        }
        assertEquals("bigint", columnType("fact_ticket_sale", "performance_id"));
        assertEquals(4, count("SELECT COUNT(*) FROM presentation.fact_ticket_sale f JOIN presentation.dim_performance p "
                + "ON p.performance_id = f.performance_id AND p.is_current"), "the natural keys join as they are");
    }

    @Test
    @Order(8)
    void theAsOfCheckFailsWhenASalesDimensionVersionDisagreesWithTheSale() throws Exception {
        // a sale claiming an e-mail Ada never had at that time: the dimension version valid then says otherwise
        landing.record("ticket_sale", SALE, 1, "9005", at(5), sale("9005-SALE", "SALE", 9005, at(5), "C-1",
                "ada@new.example", "BRONZE", "Old Hall", 1, "10.00", "GBP"));
        List<CheckResult> results = new WarehouseChecks(connection).insideTheWarehouse();
        CheckResult asOf = results.stream().filter(r -> r.name().equals("dimension-version-is-the-facts-as-of-version")).findFirst().orElseThrow();
        assertFalse(asOf.ok(), asOf::toString);
        assertTrue(asOf.detail().startsWith("1 "), asOf::toString);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** How PostgreSQL prints a timestamp as text. */
    private static String text(Instant instant) {
        return Landing.utc(instant).toString().replace('T', ' ') + (instant.getEpochSecond() % 60 == 0 ? ":00" : "");
    }

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    private static Map<String, Object> customer(String ref, String email, String tier, Instant commit) {
        return fields("customer_ref", ref, "email", email, "first_name", "Ada", "last_name", "Lovelace", "country", "GB",
                "city", "Leeds", "favourite_genres", "[\"opera\"]", "loyalty_tier", tier, "loyalty_points", 120L,
                "updated_at", commit, "commit_ts", commit);
    }

    private static Map<String, Object> performance(Instant commit, String venue) {
        return fields("performance_id", 101L, "attraction_id", 1L, "venue_id", 1L, "starts_at", STARTS, "status", "ON_SALE",
                "attraction", TRAVIATA, "venue", venue, "commit_ts", commit);
    }

    private static String ticket(long id, String status, String price) {
        return "{\"ticket_id\":" + id + ",\"performance_id\":101,\"section\":\"STALLS\",\"row_label\":\"A\",\"seat_number\":"
                + id + ",\"price_type\":\"ADULT\",\"price\":" + price + ",\"status\":\"" + status + "\"}";
    }

    private static Map<String, Object> order(long id, String customer, String status, String currency, Instant commit, String... tickets) {
        long issued = java.util.Arrays.stream(tickets).filter(t -> t.contains("ISSUED")).count();
        return fields("order_id", id, "customer_ref", customer, "performance_id", 101L, "status", status, "channel", "WEB",
                "currency", currency, "tickets", "[" + String.join(",", tickets) + "]", "ticket_count", (int) issued,
                "commit_ts", commit);
    }

    private static Map<String, Object> sale(String saleId, String type, long orderId, Instant occurred, String customer,
                                            String email, String tier, String venue, int tickets, String gross, String currency) {
        Map<String, Object> sale = unknownCustomerSale(saleId, orderId, occurred, customer, venue, tickets, gross, currency);
        sale.put("type", type);
        sale.put("customer_known", true);
        sale.put("customer", "{\"email\":\"" + email + "\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"country\":\"GB\","
                + "\"city\":\"Leeds\",\"loyalty_tier\":\"" + tier + "\"}");
        return sale;
    }

    private static Map<String, Object> unknownCustomerSale(String saleId, long orderId, Instant occurred, String customer,
                                                           String venue, int tickets, String gross, String currency) {
        return fields("sale_id", saleId, "type", "SALE", "order_id", orderId, "occurred_at", occurred, "customer_ref", customer,
                "customer_known", false, "customer", null, "performance_id", 101L, "performance_known", true,
                "performance", "{\"starts_at\":" + STARTS.toEpochMilli() + ",\"attraction_id\":1,\"attraction_name\":\"La Traviata\","
                        + "\"genre\":\"opera\",\"venue_id\":1,\"venue_name\":\"" + venue + "\",\"venue_city\":\"Leeds\",\"venue_country\":\"GB\"}",
                "ticket_count", tickets, "gross_amount", new BigDecimal(gross), "currency", currency, "channel", "WEB");
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(strings(sql).get(0));
    }

    private static String columnType(String view, String column) throws Exception {
        List<String> types = strings("SELECT data_type FROM information_schema.columns WHERE table_schema = 'presentation' "
                + "AND table_name = '" + view + "' AND column_name = '" + column + "'");
        assertEquals(1, types.size(), view + "." + column + " exists");
        return types.get(0);
    }
}
