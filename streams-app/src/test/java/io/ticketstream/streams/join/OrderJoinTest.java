package io.ticketstream.streams.join;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.streams.topology.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.ticketstream.streams.topology.RawCdc.order;
import static io.ticketstream.streams.topology.RawCdc.payment;
import static io.ticketstream.streams.topology.RawCdc.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL Server orders, tickets and payments through the whole topology to Order. */
class OrderJoinTest {

    private static final long T = 1_800_000_000_000L;

    private final TopologyHarness topology = new TopologyHarness(Duration.ofSeconds(30));

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void ticketsAndPaymentsArrivingBeforeTheirOrderAreKeptAndAppliedWhenItArrives() {
        topology.pipe(ticket("c", T, 1, 5000, 100, "49.50", "ISSUED"), ticket("c", T, 2, 5000, 100, "49.50", "ISSUED"),
                payment("c", T + 1, 7, 5000, "99.00", "AUTHORISED", T + 1));
        assertEquals(List.of(), topology.orders(), "nothing is published before the order row is known");

        topology.pipe(order("c", T, 5000, "C-1", 100, "PENDING", "99.00"));

        List<KeyValue<String, Order>> orders = topology.orders();
        assertEquals(1, orders.size());
        Order order = orders.get(0).value;
        assertEquals("5000", orders.get(0).key);
        assertEquals(OrderStatus.PENDING, order.getStatus());
        assertEquals(List.of(1L, 2L), order.getTickets().stream().map(t -> t.getTicketId()).toList());
        assertEquals(2, order.getTicketCount());
        assertEquals(7L, order.getPayment().getPaymentId());
        assertEquals(new BigDecimal("99.00"), order.getTotalAmount());
        assertEquals(T + 1, order.getCommitTs().toEpochMilli(), "latest commit among the rows");
    }

    @Test
    void aVoidedTicketStaysOnTheOrderAsVoidAndIsNotCounted() {
        topology.pipe(order("c", T, 5000, "C-1", 100, "PAID", "99.00"), ticket("c", T, 1, 5000, 100, "49.50", "ISSUED"),
                ticket("c", T, 2, 5000, 100, "49.50", "ISSUED"));
        topology.orders();

        topology.pipe(ticket("u", T + 10, 2, 5000, 100, "49.50", "VOID"));

        List<KeyValue<String, Order>> orders = topology.orders();
        assertEquals(1, orders.size());
        Order order = orders.get(0).value;
        assertEquals(List.of(TicketStatus.ISSUED, TicketStatus.VOID),
                order.getTickets().stream().map(t -> t.getStatus()).toList());
        assertEquals(1, order.getTicketCount());
    }

    @Test
    void theLatestPaymentByProcessedAtWinsWhateverTheArrivalOrder() {
        topology.pipe(order("c", T, 5000, "C-1", 100, "PENDING", "99.00"),
                payment("c", T + 1, 8, 5000, "99.00", "CAPTURED", T + 500),
                // committed and delivered later, but processed earlier: not the latest payment
                payment("c", T + 2, 7, 5000, "99.00", "DECLINED", T + 100));

        List<KeyValue<String, Order>> orders = topology.orders();
        assertEquals(List.of(-1L, 8L, 8L), orders.stream()
                .map(o -> o.value.getPayment() == null ? -1L : o.value.getPayment().getPaymentId()).toList());

        topology.pipe(payment("u", T + 3, 7, 5000, "99.00", "REFUNDED", T + 900));
        topology.pipe(payment("d", T + 4, 7, 5000, "99.00", "REFUNDED", T + 900));

        assertEquals(List.of(7L, 8L), topology.orders().stream().map(o -> o.value.getPayment().getPaymentId()).toList(),
                "a deleted latest payment hands over to the previous one");
    }

    @Test
    void anOlderOrderRowArrivingLateDoesNotRollTheOrderBack() {
        topology.pipe(order("u", T + 100, 5000, "C-1", 100, "CANCELLED", "99.00"));
        topology.orders();

        topology.pipe(order("u", T + 50, 5000, "C-1", 100, "PENDING", "99.00"));

        assertEquals(List.of(), topology.orders());
    }

    @Test
    void deletesBecomeTombstonesAndTicketDeletesLeaveTheOrder() {
        topology.pipe(order("c", T, 5000, "C-1", 100, "PENDING", "99.00"), ticket("c", T, 1, 5000, 100, "49.50", "ISSUED"));
        topology.orders();

        topology.pipe(ticket("d", T + 1, 1, 5000, 100, "49.50", "ISSUED"));
        topology.pipe(order("d", T + 2, 5000, "C-1", 100, "PENDING", "99.00"));

        List<KeyValue<String, Order>> orders = topology.orders();
        assertEquals(2, orders.size());
        assertEquals(List.of(), orders.get(0).value.getTickets());
        assertEquals(0, orders.get(0).value.getTicketCount());
        assertEquals("5000", orders.get(1).key);
        assertNull(orders.get(1).value);
    }

    @Test
    void anOrderTheContractCannotRepresentIsDeadLetteredNamingFieldAndValueAndTheAppCarriesOn() {
        topology.pipe(order("c", T, 5000, null, 100, "PENDING", "99.00"));
        topology.pipe(order("c", T, 5001, "C-1", 100, "PENDING", "99.005"));

        var dlq = topology.dlq();
        assertEquals(2, dlq.size());
        String first = new String(dlq.get(0).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
        String second = new String(dlq.get(1).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
        assertTrue(first.contains("orders row 5000: field 'customer_ref' = null"), first);
        assertTrue(second.contains("orders row 5001: field 'total_amount' = '99.005'"), second);

        topology.pipe(order("c", T, 5002, "C-1", 100, "PENDING", "99.00"));
        assertEquals(List.of("5002"), topology.orders().stream().map(o -> o.key).toList());
    }
}
