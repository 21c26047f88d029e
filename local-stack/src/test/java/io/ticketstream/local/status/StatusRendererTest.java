package io.ticketstream.local.status;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The live status must fit an 80x24 terminal (it was 52 lines: only two sections showed), with a line to spare for
 * one more summary line, and the whole error one Enter away.
 */
class StatusRendererTest {

    private static final String CAUSE = "org.apache.kafka.connect.errors.ConnectException: Braze rejected the API key (HTTP 401): "
            + "the key is unknown to instance rest.iad-05.braze.com or lacks users.track; check braze.api.key and braze.rest.url";

    /** A busy stack: every count in the millions, every connector and group of the local stack, one task failed. */
    private static StatusSnapshot busy() {
        Map<String, Long> sources = new LinkedHashMap<>();
        sources.put("sqlserver (simulated)", 12_345_678L);
        sources.put("mongodb (simulated)", 1_234_567L);
        sources.put("postgresql (real CDC)", 98_765L);
        Map<String, Long> canonical = new LinkedHashMap<>();
        for (String t : List.of("ticketing.customer.v1", "ticketing.customer-change.v1", "ticketing.performance.v1",
                "ticketing.order.v1", "ticketing.ticket-sale.v1")) {
            canonical.put(t, 9_876_543L);
        }
        Map<String, StatusSnapshot.GroupLag> lag = new LinkedHashMap<>();
        for (String g : List.of("connect-braze-subscriptions", "connect-braze-users", "connect-warehouse-customer",
                "connect-warehouse-order", "connect-warehouse-performance", "connect-warehouse-ticket-sale", "ticketstream")) {
            lag.put(g, new StatusSnapshot.GroupLag(1_234_567, 12.5, "OK"));
        }
        List<StatusSnapshot.ConnectorLine> connectors = new ArrayList<>();
        for (String c : List.of("aurora-catalog", "braze-subscriptions", "braze-users", "warehouse-customer",
                "warehouse-order", "warehouse-performance", "warehouse-ticket-sale")) {
            connectors.add(new StatusSnapshot.ConnectorLine(c, -1, "RUNNING", null));
            boolean failed = c.equals("braze-users");
            connectors.add(new StatusSnapshot.ConnectorLine(c, 0, failed ? "FAILED" : "RUNNING", failed ? CAUSE : null));
        }
        Map<String, Long> warehouse = new LinkedHashMap<>();
        warehouse.put("presentation.dim_customer", 1_234_567L);
        warehouse.put("presentation.dim_performance", 12_345L);
        warehouse.put("presentation.fact_ticket_sale", 9_876_543L);
        return new StatusSnapshot(86_399, sources, canonical, 12, 0, 3, "RUNNING", 123_456, 1_234_567, 42, lag, connectors,
                warehouse, 13_000_000, 98_000);
    }

    @Test
    void theSummaryFitsEightyByTwentyFourWithALineToSpare() {
        String screen = StatusRenderer.compact(busy(), "Kafka :19192  Connect :18183  PG :55532  Braze :18185");
        List<String> lines = screen.lines().toList();
        assertTrue(lines.size() <= StatusRenderer.MAX_COMPACT_LINES, lines.size() + " lines:\n" + screen);
        assertTrue(lines.stream().allMatch(l -> l.length() <= StatusRenderer.WIDTH), "a line wider than 80:\n" + screen);
        assertTrue(lines.get(0).equals("ticketstream  up 23h59m  Kafka :19192  Connect :18183  PG :55532  Braze :18185"), lines.get(0));
        // a label as wide as its column ran into the first value ("STAR SCHEMA ROWSpresentation.dim_customer")
        assertTrue(screen.contains("\nSTAR SCHEMA     dim_customer 1,234,567  dim_performance 12,345"), screen);
        for (String shown : List.of("sqlserver* 12,345,678", "ticket-sale 9,876,543", "dead letters:", "429s 42",
                "fact_ticket_sale 9,876,543", "connect-warehouse-ticket-sale", "6/7 tasks RUNNING", "braze-users task 0 FAILED: ConnectException: Braze rejected the API key", "401): the key is unknown",
                "Enter: details")) {
            assertTrue(screen.contains(shown), "'" + shown + "' missing:\n" + screen);
        }
    }

    @Test
    void theDetailsShowTheWholeCause() {
        String details = StatusRenderer.details(busy(), "header");
        assertTrue(details.contains(CAUSE), details);
        assertTrue(details.contains("ticketing.braze.dlq (Braze sinks' DLQ)"), details);
    }
}
