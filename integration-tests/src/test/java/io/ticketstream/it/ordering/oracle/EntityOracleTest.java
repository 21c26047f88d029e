package io.ticketstream.it.ordering.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.PaymentStatus;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.Ticket;

/** The final entity states the oracle expects, on hand-written worlds. */
class EntityOracleTest {

    @Test
    void theLastCustomerIsTheNewestDocumentAndADeletedOneEndsDeleted() {
        Expected expected = HandWrittenWorld.withCatalogueAndCustomer()
                .customer(5, "C-1", "new@example.org", "York")
                .customer(2, "C-2", "two@example.org", "Leeds")
                .deleteCustomer(9, "C-2")
                .expected();

        assertEquals("new@example.org", expected.customers().get("C-1").value().getEmail());
        assertEquals(Instant.ofEpochMilli(5), expected.customers().get("C-1").value().getCommitTs());
        assertTrue(expected.customers().get("C-2").deleted());
    }

    @Test
    void theLastPerformanceIsComposedOfTheNewestRowsAndStampedWithTheLatestOfTheirCommits() {
        Expected expected = HandWrittenWorld.withCatalogueAndCustomer()
                .venue(40, 1, "Renamed Palace")
                .performance(10, 101, 1, 1)
                .deletePerformance(11, 101)
                .expected();

        Performance performance = expected.performances().get("100").value();
        assertEquals("Renamed Palace", performance.getVenue().getName());
        assertEquals("Hamilton", performance.getAttraction().getName());
        assertEquals(Instant.ofEpochMilli(40), performance.getCommitTs());
        assertTrue(expected.performances().get("101").deleted());
    }

    @Test
    void theLastOrderHasEveryTicketsNewestRowAndTheLatestPaymentWhateverTheArrivalOrder() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "90.00")
                .ticket(10, 2, 7, "ISSUED").ticket(10, 1, 7, "ISSUED")
                .payment(11, 70, 7, "DECLINED", 11L)
                .payment(12, 71, 7, "AUTHORISED", 12L)
                .order(20, 7, "C-1", 100, "PAID", "90.00")
                .payment(20, 71, 7, "CAPTURED", 20L)
                .ticket(25, 2, 7, "VOID")
                .order(30, 7, "C-1", 100, "REFUNDED", "90.00")
                .again(4); // the PAID row replayed after the refund
        Order order = world.expected().orders().get("7").value();

        assertEquals(OrderStatus.REFUNDED, order.getStatus());
        assertEquals(List.of(1L, 2L), order.getTickets().stream().map(Ticket::getTicketId).toList());
        assertEquals(1, order.getTicketCount());
        assertEquals(71L, order.getPayment().getPaymentId());
        assertEquals(PaymentStatus.CAPTURED, order.getPayment().getStatus());
        assertEquals(Instant.ofEpochMilli(30), order.getCommitTs());
    }

    @Test
    void aPaymentWithoutProcessedAtCountsAsTheOldest() {
        Order order = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "90.00")
                .payment(11, 70, 7, "AUTHORISED", 11L)
                .payment(12, 71, 7, "AUTHORISED", null)
                .expected().orders().get("7").value();

        assertEquals(70L, order.getPayment().getPaymentId());
    }

    @Test
    void aDeletedOrderEndsDeleted() {
        Expected expected = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "90.00")
                .order(20, 7, "C-1", 100, "CANCELLED", "90.00")
                .deleteOrder(30, 7)
                .expected();

        assertTrue(expected.orders().get("7").deleted());
        assertNull(expected.orders().get("7").value());
        assertFalse(expected.orders().containsKey("8"));
    }
}
