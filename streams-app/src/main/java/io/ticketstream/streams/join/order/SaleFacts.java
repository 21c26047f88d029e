package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.streams.join.FactKey;
import io.ticketstream.streams.join.catalog.SalePerformances;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.ticketstream.streams.join.RowReader.keyAsLong;
import static io.ticketstream.streams.join.RowReader.requireEnum;
import static io.ticketstream.streams.join.RowReader.requireString;

/**
 * Which {@link TicketSale} facts an order has, and what they carry (README, "TicketSale").
 *
 * <ul>
 *   <li>SALE: about the first PAID row in commit order (a snapshot of an already PAID order counts), at its
 *       commit time T. It carries the tickets in force at T (newest version committed at or before T, so tickets
 *       of the same transaction count, and a ticket voided after T still counts) and the order's amount,
 *       currency and channel of that PAID row.</li>
 *   <li>REVERSAL: the first CANCELLED or REFUNDED row committed at or after T, once there is a SALE. It repeats
 *       the SALE's figures.</li>
 *   <li>Each is decided once per order: the state remembers them, so redelivered envelopes emit nothing. A PAID
 *       row replayed after the newer refund still gives the SALE and then the REVERSAL.</li>
 * </ul>
 * A decided fact is emitted only once it is complete (OrderJoinProcessor); until then an earlier PAID or
 * reversing row that arrives late moves it to the earlier commit.
 */
public final class SaleFacts {

    /**
     * A change to the facts waiting to be emitted.
     *
     * @param previousOccurredAt the commit time it waited under before, or null for a newly decided fact
     */
    public record Change(SaleType type, Long previousOccurredAt, long occurredAt) {
    }

    private SaleFacts() {
    }

    /** Applies an order row (upsert, maybe older than the order row in force) to the facts. */
    static List<Change> onOrderRow(NormalizedRow row, OrderState state) {
        List<Change> changes = new ArrayList<>(2);
        NormalizedRow paid = state.paidRow();
        if (OrderRows.status(row) == OrderStatus.PAID) {
            if (paid == null) {
                state.salePaid(row);
                changes.add(new Change(SaleType.SALE, null, row.commitTs()));
            } else if (state.salePending() && row.commitTs() < paid.commitTs()) {
                state.salePaid(row);
                changes.add(new Change(SaleType.SALE, paid.commitTs(), row.commitTs()));
            }
            paid = state.paidRow();
        }
        if (paid == null || state.reversalEmitted()) {
            return changes;
        }
        Set<NormalizedRow> candidates = new LinkedHashSet<>();
        candidates.add(row);
        if (state.order() != null) {
            candidates.add(state.order());
        }
        for (NormalizedRow candidate : candidates) {
            if (!isReversing(OrderRows.status(candidate)) || candidate.commitTs() < paid.commitTs()) {
                continue;
            }
            NormalizedRow current = state.reversalRow();
            if (current == null || candidate.commitTs() < current.commitTs()) {
                state.reversal(candidate);
                changes.add(new Change(SaleType.REVERSAL, current == null ? null : current.commitTs(), candidate.commitTs()));
            }
        }
        return changes;
    }

    /** Keeps the tickets in force at a waiting SALE's commit time up to date. */
    static void onTicketRow(NormalizedRow ticket, OrderState state) {
        if (!state.salePending() || ticket.commitTs() > state.paidRow().commitTs()) {
            return;
        }
        long id = keyAsLong(ticket);
        NormalizedRow current = state.ticketsAtSale().get(id);
        if (current != null && ticket.commitTs() < current.commitTs()) {
            return;
        }
        if (ticket.isDelete()) {
            state.ticketsAtSale().remove(id);
        } else {
            state.ticketsAtSale().put(id, ticket);
        }
    }

    /** The SALE, now complete; fixes its ticket count in the state. */
    static TicketSale sale(OrderState state, Performance performance) {
        int issued = (int) state.ticketsAtSale().values().stream()
                .filter(ticket -> OrderRows.ticket(ticket).getStatus() == TicketStatus.ISSUED).count();
        state.saleEmitted(issued);
        return fact(SaleType.SALE, state.paidRow().commitTs(), state.paidRow(), issued, performance);
    }

    /** The REVERSAL, with the SALE's figures. */
    static TicketSale reversal(OrderState state, Performance performance) {
        state.reversalEmitted(true);
        return fact(SaleType.REVERSAL, state.reversalRow().commitTs(), state.paidRow(), state.saleTicketCount(),
                performance);
    }

    private static boolean isReversing(OrderStatus status) {
        return status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED;
    }

    private static TicketSale fact(SaleType type, long occurredAt, NormalizedRow paid, int ticketCount,
                                   Performance performance) {
        long orderId = keyAsLong(paid);
        return TicketSale.newBuilder()
                .setSaleId(new FactKey(occurredAt, type, orderId).saleId())
                .setType(type)
                .setOrderId(orderId)
                .setOccurredAt(Instant.ofEpochMilli(occurredAt))
                .setCustomerRef(requireString(paid, "customer_ref"))
                .setCustomerKnown(false)
                .setCustomer(null)
                .setPerformanceId(OrderRows.performanceIdOf(paid))
                .setPerformanceKnown(performance != null)
                .setPerformance(performance == null ? null : SalePerformances.of(performance))
                .setTicketCount(ticketCount)
                .setGrossAmount(OrderRows.money(paid, "total_amount"))
                .setCurrency(requireString(paid, "currency"))
                .setChannel(requireEnum(paid, "channel", SalesChannel.class))
                .build();
    }
}
