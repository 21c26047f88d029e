package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which {@link TicketSale} facts an order row produces and records them in the state.
 *
 * <p>Semantics (documented in the README's "Joins" section):
 * <ul>
 *   <li>SALE: the first order row ever observed with status PAID, whatever its commit time; occurred_at is
 *       that row's commit time. A snapshot of an already PAID order counts (its row is observed PAID).</li>
 *   <li>REVERSAL: the first row with status CANCELLED or REFUNDED whose commit time is at or after the
 *       SALE's, once a SALE was emitted. A stale PAID arriving after a newer refund (source replay) emits
 *       the SALE and then the REVERSAL for the newer state, so the pair stays complete.</li>
 *   <li>Never twice: the state remembers both, so redelivered envelopes emit nothing.</li>
 * </ul>
 * Amounts and ticket count come from the order as assembled at decision time (the newest state).
 */
public final class SaleFacts {

    private SaleFacts() {
    }

    /**
     * @param row   the order row just observed (maybe older than {@code state.order()})
     * @param state state AFTER the row was applied (state.order() is the newest order row)
     * @param order the assembled newest Order
     */
    public static List<TicketSale> decide(NormalizedRow row, OrderState state, Order order) {
        List<TicketSale> facts = new ArrayList<>(2);
        OrderStatus observed = OrderRows.status(row);
        if (observed == OrderStatus.PAID && !state.saleEmitted()) {
            state.markSaleEmitted(row.commitTs());
            facts.add(fact(SaleType.SALE, row.commitTs(), order));
        }
        if (state.saleEmitted() && !state.reversalEmitted()) {
            NormalizedRow newest = state.order();
            for (NormalizedRow candidate : newest == row ? List.of(row) : List.of(row, newest)) {
                if (isReversing(OrderRows.status(candidate)) && candidate.commitTs() >= state.saleCommitTs()) {
                    state.markReversalEmitted();
                    facts.add(fact(SaleType.REVERSAL, candidate.commitTs(), order));
                    break;
                }
            }
        }
        return facts;
    }

    private static boolean isReversing(OrderStatus status) {
        return status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED;
    }

    private static TicketSale fact(SaleType type, long occurredAt, Order order) {
        return TicketSale.newBuilder()
                .setSaleId(order.getOrderId() + "-" + type.name())
                .setType(type)
                .setOrderId(order.getOrderId())
                .setOccurredAt(Instant.ofEpochMilli(occurredAt))
                .setCustomerRef(order.getCustomerRef())
                .setCustomerKnown(false)
                .setCustomer(null)
                .setPerformanceId(order.getPerformanceId())
                .setPerformanceKnown(false)
                .setPerformance(null)
                .setTicketCount(order.getTicketCount())
                .setGrossAmount(order.getTotalAmount())
                .setCurrency(order.getCurrency())
                .setChannel(order.getChannel())
                .build();
    }
}
