package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Payment;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the canonical {@link Order} from an {@link OrderState} whose order row is known. */
public final class OrderAssembler {

    /**
     * "Latest payment": the newest processed_at; a payment without processed_at counts as older than any
     * with one; ties go to the later commit, then to the higher payment id (a stable, documented choice).
     */
    static final Comparator<NormalizedRow> PAYMENT_RECENCY = Comparator
            .comparing((NormalizedRow p) -> p.getTimestamp("processed_at"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(NormalizedRow::commitTs)
            .thenComparing(NormalizedRow::key, Comparator.comparingLong(Long::parseLong));

    private OrderAssembler() {
    }

    public static Order assemble(OrderState state) {
        NormalizedRow orderRow = state.order();
        long commitTs = orderRow.commitTs();
        List<Ticket> tickets = new ArrayList<>(state.tickets().size());
        int issued = 0;
        for (NormalizedRow row : state.tickets().values()) {
            Ticket ticket = OrderRows.ticket(row);
            tickets.add(ticket);
            if (ticket.getStatus() == TicketStatus.ISSUED) {
                issued++;
            }
            commitTs = Math.max(commitTs, row.commitTs());
        }
        Payment payment = null;
        NormalizedRow latest = state.payments().values().stream().max(PAYMENT_RECENCY).orElse(null);
        if (latest != null) {
            payment = OrderRows.payment(latest);
        }
        for (NormalizedRow row : state.payments().values()) {
            commitTs = Math.max(commitTs, row.commitTs());
        }
        return OrderRows.header(orderRow)
                .setTickets(tickets)
                .setTicketCount(issued)
                .setPayment(payment)
                .setCommitTs(java.time.Instant.ofEpochMilli(commitTs))
                .build();
    }
}
