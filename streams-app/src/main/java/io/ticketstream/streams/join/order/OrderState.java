package io.ticketstream.streams.join.order;

import io.ticketstream.streams.normalize.NormalizedRow;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the order join remembers about one order_id.
 *
 * <ul>
 *   <li>For the Order topic: the newest order row (null until it arrives or after a delete), the newest row of
 *       every ticket and payment (they may arrive before their order).</li>
 *   <li>For the SALE: the PAID row it is about (the first PAID in commit order), and while the SALE waits to be
 *       complete, the tickets as they were at that commit ({@code ticketsAtSale}: newest version committed at
 *       or before it, same transaction included). Its ticket count is fixed when it is emitted.</li>
 *   <li>For the REVERSAL: the first CANCELLED/REFUNDED row committed at or after the SALE.</li>
 * </ul>
 * The fact fields survive an order delete on purpose, so a replayed PAID after the delete sells nothing twice,
 * and a redelivered envelope (Debezium is at-least-once) finds its fact already decided.
 */
public final class OrderState {

    static final int NOT_EMITTED = -1;

    private NormalizedRow order;
    private long orderDeletedAt;
    private final Map<Long, NormalizedRow> tickets;
    private final Map<Long, NormalizedRow> payments;
    private NormalizedRow paidRow;
    private final Map<Long, NormalizedRow> ticketsAtSale;
    private int saleTicketCount;
    private NormalizedRow reversalRow;
    private boolean reversalEmitted;

    public OrderState() {
        this(null, Long.MIN_VALUE, Map.of(), Map.of(), null, Map.of(), NOT_EMITTED, null, false);
    }

    OrderState(NormalizedRow order, long orderDeletedAt, Map<Long, NormalizedRow> tickets,
               Map<Long, NormalizedRow> payments, NormalizedRow paidRow, Map<Long, NormalizedRow> ticketsAtSale,
               int saleTicketCount, NormalizedRow reversalRow, boolean reversalEmitted) {
        this.order = order;
        this.orderDeletedAt = orderDeletedAt;
        // Sorted by id so the Order's ticket list has a stable order whatever the arrival order was.
        this.tickets = new TreeMap<>(tickets);
        this.payments = new TreeMap<>(payments);
        this.paidRow = paidRow;
        this.ticketsAtSale = new TreeMap<>(ticketsAtSale);
        this.saleTicketCount = saleTicketCount;
        this.reversalRow = reversalRow;
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

    /** The PAID row the SALE is about, or null while no PAID row was seen. */
    public NormalizedRow paidRow() { return paidRow; }

    /**
     * (Re)decides the SALE for {@code paid}: takes the tickets in force at its commit from what is known now.
     * Only while the SALE has not been emitted.
     */
    void salePaid(NormalizedRow paid) {
        this.paidRow = paid;
        ticketsAtSale.clear();
        tickets.forEach((id, ticket) -> {
            if (ticket.commitTs() <= paid.commitTs()) {
                ticketsAtSale.put(id, ticket);
            }
        });
    }

    /** The tickets in force at the SALE's commit (while the SALE waits). */
    public Map<Long, NormalizedRow> ticketsAtSale() { return ticketsAtSale; }

    public boolean salePending() { return paidRow != null && saleTicketCount == NOT_EMITTED; }

    public boolean saleEmitted() { return saleTicketCount != NOT_EMITTED; }

    /** The SALE's ticket count, fixed when it was emitted; the REVERSAL repeats it. */
    public int saleTicketCount() { return saleTicketCount; }

    void saleEmitted(int ticketCount) {
        this.saleTicketCount = ticketCount;
        ticketsAtSale.clear();
    }

    /** The row that reverses the SALE, or null while none was seen. */
    public NormalizedRow reversalRow() { return reversalRow; }

    void reversal(NormalizedRow row) { this.reversalRow = row; }

    public boolean reversalEmitted() { return reversalEmitted; }

    void reversalEmitted(boolean emitted) { this.reversalEmitted = emitted; }
}
