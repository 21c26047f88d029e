package io.ticketstream.streams.join;

import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.topology.RawCdc;
import io.ticketstream.streams.topology.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

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

/** TicketSale facts: once only, dimensions as of the sale's commit time, waiting for late dimensions. */
class TicketSaleTest {

    private static final long T = 1_800_000_000_000L;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final TopologyHarness topology = new TopologyHarness(GRACE);

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
    }

    @Test
    void aSaleCarriesTheDimensionsAsTheyWereAtItsCommitTimeNotAsTheyAreNow() {
        knownDimensions();
        // Committed AFTER the sale but delivered BEFORE it: must not leak into the sale.
        topology.pipe(customer("u", T + 30_000, "5d2c00000000000000000001", "C-1", "anne@example.org", "Leeds", "PLATINUM", 10),
                venue("u", T + 30_000, 10, "Renamed Palace", "London"));

        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertEquals("London", sales.get(0).value.getCustomer().getCity());
        assertEquals("GOLD", sales.get(0).value.getCustomer().getLoyaltyTier());
        assertEquals("Victoria Palace", sales.get(0).value.getPerformance().getVenueName());
    }

    @Test
    void aSaleWhoseCustomerArrivesLateWaitsAndIsEmittedWhenItArrives() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T, 100, 1, 10, "ON_SALE"));
        topology.pipe(order("c", T + 20_000, 5000, "C-9", 100, "PAID", "99.00"));
        assertEquals(List.of(), topology.sales(), "the sale waits for its customer");

        // The customer was committed before the sale (another database's connector lags behind).
        topology.pipe(customer("c", T + 5_000, "5d2c00000000000000000009", "C-9", "nine@example.org", "York", "SILVER", 0));

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertTrue(sales.get(0).value.getCustomerKnown());
        assertEquals("York", sales.get(0).value.getCustomer().getCity());
        assertTrue(sales.get(0).value.getPerformanceKnown());
    }

    @Test
    void aSaleWhoseCustomerNeverArrivesLeavesAfterTheGraceOfStreamTimeFlaggedUnknown() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-404", 100, "PAID", "99.00"));

        // Stream time advances with later records of the same hop (other customers' changes).
        topology.pipe(customer("c", T + 20_000 + GRACE.toMillis() - 1, "5d2c00000000000000000002", "C-2", "b@example.org", "Leeds", "GOLD", 0));
        assertEquals(List.of(), topology.sales(), "still within the grace");

        topology.pipe(customer("c", T + 20_000 + GRACE.toMillis() + 1_000, "5d2c00000000000000000003", "C-3", "c@example.org", "Leeds", "GOLD", 0));
        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        TicketSale sale = sales.get(0).value;
        assertFalse(sale.getCustomerKnown());
        assertNull(sale.getCustomer());
        assertEquals("C-404", sale.getCustomerRef());
        assertTrue(sale.getPerformanceKnown(), "the other dimension is still attached");

        topology.pipe(customer("c", T + 90_000, "5d2c00000000000000000404", "C-404", "late@example.org", "Leeds", "GOLD", 0));
        assertEquals(List.of(), topology.sales(), "a late customer never duplicates the sale");
    }

    @Test
    void aSaleWhosePerformanceIsUnknownLeavesAfterTheGraceFlaggedUnknown() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 999, "PAID", "99.00"));
        assertEquals(List.of(), topology.sales());

        topology.pipe(performance("c", T + 20_000 + GRACE.toMillis() + 1_000, 101, 1, 10, "ON_SALE"));

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(1, sales.size());
        assertTrue(sales.get(0).value.getCustomerKnown());
        assertFalse(sales.get(0).value.getPerformanceKnown());
        assertNull(sales.get(0).value.getPerformance());
        assertEquals(999L, sales.get(0).value.getPerformanceId());
    }

    @Test
    void aPaidRowReplayedAfterTheNewerRefundStillYieldsTheCompleteSaleAndReversalPair() {
        knownDimensions();
        topology.pipe(order("u", T + 40_000, 5000, "C-1", 100, "REFUNDED", "99.00"));
        assertEquals(List.of(), topology.sales(), "a refund of a sale never seen is not a reversal");

        topology.pipe(order("u", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));

        List<KeyValue<String, TicketSale>> sales = topology.sales();
        assertEquals(List.of("SALE@" + (T + 20_000), "REVERSAL@" + (T + 40_000)), sales.stream()
                .map(s -> s.value.getType() + "@" + s.value.getOccurredAt().toEpochMilli()).toList());
    }

    @Test
    void aDeletedOrderIsTombstonedButItsSalesAreNeverTakenBack() {
        knownDimensions();
        topology.pipe(order("c", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));
        assertEquals(1, topology.sales().size());
        topology.orders();

        topology.pipe(order("d", T + 30_000, 5000, "C-1", 100, "PAID", "99.00"));
        // A replay of the PAID row after the delete sells nothing again.
        topology.pipe(order("u", T + 20_000, 5000, "C-1", 100, "PAID", "99.00"));

        List<KeyValue<String, io.ticketstream.schemas.Order>> orders = topology.orders();
        assertEquals(1, orders.size());
        assertNull(orders.get(0).value);
        assertEquals(List.of(), topology.sales());
    }
}
