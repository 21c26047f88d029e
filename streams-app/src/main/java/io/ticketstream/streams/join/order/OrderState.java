package io.ticketstream.streams.join.order;

import io.ticketstream.streams.normalize.NormalizedRow;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the join stage remembers about one order_id: the newest order row (null until the order
 * arrives or after it is deleted), every ticket and payment row seen for it (tickets and payments may
 * arrive before their order and are kept until it does), and which sale facts were already emitted.
 *
 * <p>The two flags are what makes {@code TicketSale} exactly-once in meaning, not only in delivery: the
 * same CDC envelope delivered twice upstream (Debezium is at-least-once) finds the flag set and emits
 * nothing. They survive an order delete on purpose, so a replayed PAID after the delete does not sell twice.
 */
public final class OrderState {

    private NormalizedRow order;
    private final Map<Long, NormalizedRow> tickets;
    private final Map<Long, NormalizedRow> payments;
    private Long saleCommitTs;
    private boolean reversalEmitted;
    private long orderDeletedAt;

    public OrderState() {
        this(null, new TreeMap<>(), new TreeMap<>(), null, false, Long.MIN_VALUE);
    }

    OrderState(NormalizedRow order, Map<Long, NormalizedRow> tickets, Map<Long, NormalizedRow> payments,
               Long saleCommitTs, boolean reversalEmitted, long orderDeletedAt) {
        this.order = order;
        this.orderDeletedAt = orderDeletedAt;
        // Sorted by id so the Order's ticket list has a stable order whatever the arrival order was.
        this.tickets = new TreeMap<>(tickets);
        this.payments = new TreeMap<>(payments);
        this.saleCommitTs = saleCommitTs;
        this.reversalEmitted = reversalEmitted;
    }

    public NormalizedRow order() { return order; }

    public void order(NormalizedRow order) { this.order = order; }

    /**
     * Commit time of the order row currently in force: the order row's, or the delete's once deleted
     * ({@link Long#MIN_VALUE} when neither was seen). Rows committed before it are replays.
     */
    public long orderCommitTs() { return order != null ? order.commitTs() : orderDeletedAt; }

    public void orderDeleted(long commitTs) {
        this.order = null;
        this.orderDeletedAt = commitTs;
    }

    long orderDeletedAt() { return orderDeletedAt; }

    public Map<Long, NormalizedRow> tickets() { return tickets; }

    public Map<Long, NormalizedRow> payments() { return payments; }

    public boolean saleEmitted() { return saleCommitTs != null; }

    /** Commit time of the order version whose SALE was emitted; null while none was. */
    public Long saleCommitTs() { return saleCommitTs; }

    public void markSaleEmitted(long commitTs) { this.saleCommitTs = commitTs; }

    public boolean reversalEmitted() { return reversalEmitted; }

    public void markReversalEmitted() { this.reversalEmitted = true; }
}
