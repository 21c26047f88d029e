package io.ticketstream.streams.join;

import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.topology.RawCdc;
import io.ticketstream.streams.topology.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ticketstream.streams.topology.RawCdc.attraction;
import static io.ticketstream.streams.topology.RawCdc.customer;
import static io.ticketstream.streams.topology.RawCdc.order;
import static io.ticketstream.streams.topology.RawCdc.performance;
import static io.ticketstream.streams.topology.RawCdc.ticket;
import static io.ticketstream.streams.topology.RawCdc.venue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TicketSale facts in the TopologyTestDriver (one partition, records in the order piped): once only, with the
 * tickets and dimensions in force at the PAID commit, emitted when complete. Ordering across partitions and
 * arrival skew are proven on a real broker (integration-tests, ordering).
 */
class TicketSaleTest {

    private static final long T = 1_800_000_000_000L;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private TopologyHarness topology = new TopologyHarness(GRACE);

    @AfterEach
    void close() {
        topology.close();
    }

    /** Catalogue for performance 100 and customer C-1 (London, GOLD), all committed at T. */
    private void knownDimensions() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T, 100, 1, 10, "ON_SALE"),
                customer("c", T, "5d2c00000000000000000001", "C-1", "anne@example.org", "London", "GOLD", 10));
    }

    private List<String> facts() {
        return topology.sales().stream().map(s -> s.value.getType() + "@" + s.value.getOccurredAt().toEpochMilli()
                + " tickets=" + s.value.getTicketCount()).toList();
    }

    @Test
    void aSaleIsEmittedOnceWhenTheOrderFirstBecomesPaidAndOnceReversedOnRefund() {
        knownDimensions();
        RawCdc.Event paid = order("u", T + 20_000, 5000, "C-1", 100, "PAID", "99.00");
        RawCdc.Event refunded = order("u", T + 40_000, 5000, "C-1", 100, "REFUNDED", "99.00");
        topology.pipe(order("c", T + 10_000, 5000, "C-1", 100, "PENDING", "99.00"),
                ticket("c", T + 10_000, 1, 5000, 100, "49.50", "ISSUED"),
                ticket("c", T + 10_000, 2, 5000, 100, "49.50", "ISSUED"),
                paid, paid, // redelivered by Debezium (at-least-once)
                refunded, refunded,
                order("u", T + 50_000, 5000, "C-1", 100, "CANCELLED", "99.00"));
        topology.settle();

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(List.of("5000-SALE", "5000-REVERSAL"), sales.stream().map(s -> s.value.getSaleId()).toList());
        sales.forEach(s -> assertEquals("5000", s.key));
        TicketSale sale = sales.get(0).value;
        assertEquals(SaleType.SALE, sale.getType());
        assertEquals(T + 20_000, sale.getOccurredAt().toEpochMilli());
        assertTrue(sale.getCustomerKnown());
        assertEquals("GOLD", sale.getCustomer().getLoyaltyTier());
        assertTrue(sale.getPerformanceKnown());
        assertEquals("Victoria Palace", sale.getPerformance().getVenueName());
        assertEquals("Hamilton", sale.getPerformance().getAttractionName());
        assertEquals(2, sale.getTicketCount());
        assertEquals(new BigDecimal("99.00"), sale.getGrossAmount());
        assertEquals("GBP", sale.getCurrency());
        TicketSale reversal = sales.get(1).value;
        assertEquals(SaleType.REVERSAL, reversal.getType());
        assertEquals(T + 40_000, reversal.getOccurredAt().toEpochMilli());
        assertEquals(new BigDecimal("99.00"), reversal.getGrossAmount(), "amounts are positive; the type gives the sign");
        assertEquals(2, reversal.getTicketCount());
    }

    @Test
    void aSaleCountsTheTicketsInForceAtItsCommitWhateverTheirArrivalOrder() {
        knownDimensions();
        topology.pipe(order("c", T + 10_000, 5000, "C-1", 100, "PENDING", "120.00"),
                ticket("c", T + 10_000, 1, 5000, 100, "30.00", "ISSUED"),
                ticket("c", T + 11_000, 2, 5000, 100, "30.00", "ISSUED"),
                ticket("u", T + 15_000, 2, 5000, 100, "30.00", "VOID"), // voided before the payment: not sold
                order("u", T + 20_000, 5000, "C-1", 100, "PAID", "120.00"),
                // committed in the PAID row's transaction, delivered after it
                ticket("c", T + 20_000, 3, 5000, 100, "30.00", "ISSUED"),
                // committed before the PAID row, delivered after it (another partition of the raw topic was late)
                ticket("c", T + 19_000, 4, 5000, 100, "30.00", "ISSUED"),
                // voided after the sale: it was sold, the REVERSAL says so later if it is refunded
                ticket("u", T + 25_000, 1, 5000, 100, "30.00", "VOID"),
                // added after the sale: not part of it
                ticket("c", T + 26_000, 5, 5000, 100, "30.00", "ISSUED"),
                order("u", T + 40_000, 5000, "C-1", 100, "REFUNDED", "120.00"));
        topology.settle();

        assertEquals(List.of("SALE@" + (T + 20_000) + " tickets=3", "REVERSAL@" + (T + 40_000) + " tickets=3"), facts(),
                "tickets 1, 3 and 4 were in force at the PAID commit; the REVERSAL repeats the SALE's figures");
    }

    @Test
    void aSaleWaitsForTheArrivalSkewToleranceAfterItsCommit() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));
        topology.advanceWallClockTo(T + 20_000 + 200); // within the 250 ms tolerance: a row of T may still be on its way
        assertEquals(List.of(), topology.sales());
        topology.pipe(ticket("c", T + 20_000, 1, 5000, 100, "99.00", "ISSUED")).settle();
        assertEquals(List.of("SALE@" + (T + 20_000) + " tickets=1"), facts());
    }

    @Test
    void aSaleCarriesTheDimensionsAsTheyWereAtItsCommitTimeNotAsTheyAreNow() {
        knownDimensions();
        // Committed AFTER the sale but delivered BEFORE it: must not leak into the sale.
        topology.pipe(customer("u", T + 30_000, "5d2c00000000000000000001", "C-1", "anne@example.org", "Leeds", "PLATINUM", 10),
                venue("u", T + 30_000, 10, "Renamed Palace", "London"));

        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00")).settle();

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertEquals("London", sales.get(0).value.getCustomer().getCity());
        assertEquals("GOLD", sales.get(0).value.getCustomer().getLoyaltyTier());
        assertEquals("Victoria Palace", sales.get(0).value.getPerformance().getVenueName());
    }

    @Test
    void aDimensionVersionCommittedBeforeTheSaleButDeliveredAfterItIsStillTheOneUsed() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));
        // The customer moved and the venue was renamed just before the sale; their connectors were slower.
        topology.pipe(customer("u", T + 19_000, "5d2c00000000000000000001", "C-1", "anne@example.org", "Leeds", "PLATINUM", 10),
                venue("u", T + 19_500, 10, "Renamed Palace", "London")).settle();

        TicketSale sale = topology.sales().get(0).value;
        assertEquals("Leeds", sale.getCustomer().getCity());
        assertEquals("Renamed Palace", sale.getPerformance().getVenueName());
    }

    @Test
    void aCustomerCommittedBeforeTheSaleButDeliveredBeyondTheToleranceIsStillUsedWithinTheGrace() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 20_000, 100, 1, 10, "ON_SALE"));
        topology.pipe(order("c", T + 20_000, 5000, "C-9", 100, "PAID", "99.00")).settle();
        assertEquals(List.of(), topology.sales(), "no version of C-9 yet: the sale waits for the grace of the customers' progress");

        // The customer was committed before the sale; its connector lagged far behind.
        topology.pipe(customer("c", T + 5_000, "5d2c00000000000000000009", "C-9", "nine@example.org", "York", "SILVER", 0));
        topology.settleThrough(T + 20_000 + GRACE.toMillis());

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertTrue(sales.get(0).value.getCustomerKnown());
        assertEquals("York", sales.get(0).value.getCustomer().getCity());
        assertTrue(sales.get(0).value.getPerformanceKnown());
    }

    @Test
    void aSaleWhoseCustomerNeverArrivesLeavesOnceTheCustomersProgressPassesTheGraceFlaggedUnknown() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-404", 100, "PAID", "99.00"));
        // live: the customer tasks report idle and caught up through now - tolerance, still short of T + 20 s + grace
        topology.advanceWallClockAndReport(T + 20_000 + GRACE.toMillis() - 1_000);
        assertEquals(List.of(), topology.sales(), "still within the grace");

        topology.settleThrough(T + 20_000 + GRACE.toMillis());
        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        TicketSale sale = sales.get(0).value;
        assertFalse(sale.getCustomerKnown());
        assertNull(sale.getCustomer());
        assertEquals("C-404", sale.getCustomerRef());
        assertTrue(sale.getPerformanceKnown(), "the other dimension is still attached");

        topology.pipe(customer("c", T + 90_000, "5d2c00000000000000000404", "C-404", "late@example.org", "Leeds", "GOLD", 0));
        topology.settle();
        assertEquals(List.of(), topology.sales(), "a late customer never duplicates the sale");
    }

    @Test
    void theFirstCustomerVersionCommittedWithinTheGraceAfterTheSaleIsUsedWhenNoneExistedBefore() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T, 100, 1, 10, "ON_SALE"),
                order("c", T + 20_000, 5000, "C-7", 100, "PAID", "99.00"),
                // the CRM's clock is two seconds ahead of the ticketing database's
                customer("c", T + 22_000, "5d2c00000000000000000007", "C-7", "seven@example.org", "Bath", "GOLD", 0),
                // a later change, still within the grace: not what the customer was when they bought
                customer("u", T + 25_000, "5d2c00000000000000000007", "C-7", "seven@example.org", "Leeds", "GOLD", 0));
        topology.settleThrough(T + 20_000 + GRACE.toMillis());

        TicketSale sale = topology.sales().get(0).value;
        assertTrue(sale.getCustomerKnown());
        assertEquals("Bath", sale.getCustomer().getCity());
    }

    @Test
    void aSaleWhosePerformanceIsUnknownLeavesAfterTheGraceFlaggedUnknown() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 999, "PAID", "99.00")).settle();
        assertEquals(List.of(), topology.sales());

        topology.settleThrough(T + 20_000 + GRACE.toMillis());

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertTrue(sales.get(0).value.getCustomerKnown());
        assertFalse(sales.get(0).value.getPerformanceKnown());
        assertNull(sales.get(0).value.getPerformance());
        assertEquals(999L, sales.get(0).value.getPerformanceId());
    }

    @Test
    void aReversalNeverOvertakesItsSaleEvenWhenOnlyTheReversalsCustomerIsKnown() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T, 100, 1, 10, "ON_SALE"),
                order("c", T + 20_000, 5000, "C-5", 100, "PAID", "99.00"),
                // the customer exists only from T + 25 s: the SALE waits for the grace, the REVERSAL would not
                customer("c", T + 25_000, "5d2c00000000000000000005", "C-5", "five@example.org", "Hull", "GOLD", 0),
                order("u", T + 30_000, 5000, "C-5", 100, "CANCELLED", "99.00"));
        topology.settleThrough(T + 30_000);
        assertEquals(List.of(), topology.sales(), "the REVERSAL waits behind its SALE");

        topology.settleThrough(T + 20_000 + GRACE.toMillis());
        assertEquals(List.of("SALE@" + (T + 20_000) + " tickets=0", "REVERSAL@" + (T + 30_000) + " tickets=0"), facts());
    }

    @Test
    void noFactWaitsLongerThanTheMaxWaitWhateverIsMissing() {
        topology.close();
        topology = new TopologyHarness(Duration.ofMinutes(10), Map.of(AppConfig.COMPLETENESS_MAX_WAIT_MS, 60_000L));
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-404", 100, "PAID", "99.00")).settle();
        assertEquals(List.of(), topology.sales(), "waiting for a customer within a ten-minute grace");

        topology.settleThrough(T + 20_000 + 61_000);
        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size(), "released by completeness.max.wait.ms");
        assertFalse(sales.get(0).value.getCustomerKnown());
        assertTrue(sales.get(0).value.getPerformanceKnown());
        assertEquals(1.0, topology.metric("facts-overdue-total", "customer-hop"));
    }

    @Test
    void aPaidRowReplayedAfterTheNewerRefundStillYieldsTheCompleteSaleAndReversalPair() {
        knownDimensions();
        topology.pipe(order("u", T + 40_000, 5000, "C-1", 100, "REFUNDED", "99.00")).settle();
        assertEquals(List.of(), topology.sales(), "a refund of a sale never seen is not a reversal");

        topology.pipe(order("u", T + 20_000, 5000, "C-1", 100, "PAID", "99.00")).settle();

        assertEquals(List.of("SALE@" + (T + 20_000) + " tickets=0", "REVERSAL@" + (T + 40_000) + " tickets=0"), facts());
    }

    @Test
    void aDeletedOrderIsTombstonedButItsSalesAreNeverTakenBack() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00")).settle();
        assertEquals(1, topology.sales().size());
        topology.orders();

        topology.pipe(order("d", T + 30_000, 5000, "C-1", 100, "PAID", "99.00"));
        // A replay of the PAID row after the delete sells nothing again.
        topology.pipe(order("u", T + 20_000, 5000, "C-1", 100, "PAID", "99.00")).settle();

        List<KeyValue<String, io.ticketstream.schemas.Order>> orders = topology.orders();
        assertEquals(1, orders.size());
        assertNull(orders.get(0).value);
        assertEquals(List.of(), topology.sales());
    }
}
