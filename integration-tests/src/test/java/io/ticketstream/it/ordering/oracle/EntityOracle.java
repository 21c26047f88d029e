package io.ticketstream.it.ordering.oracle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketStatus;

/**
 * The final state of each compacted entity topic, from the newest versions of the rows overall (contract, "Oracle"):
 * <ul>
 *   <li>Customer: the newest document per customer_ref, commit_ts its commit;</li>
 *   <li>Performance: the newest performance row with its newest attraction and venue rows, commit_ts the latest of
 *       their commits;</li>
 *   <li>Order: the newest order row with every ticket's newest row (by ticket id), ticket_count of the ISSUED ones,
 *       the latest payment (newest processed_at, then commit, then payment id), commit_ts the latest commit of all.</li>
 * </ul>
 * A row whose newest version is a deletion must end with a tombstone (or never have been emitted).
 */
final class EntityOracle {

    private final SourceHistory history;

    EntityOracle(SourceHistory history) {
        this.history = history;
    }

    Map<String, ExpectedEntity<Customer>> customers() {
        Map<String, ExpectedEntity<Customer>> out = new TreeMap<>();
        history.customers.forEach((ref, versions) -> {
            RowHistory.Version latest = versions.latest();
            out.put(ref, new ExpectedEntity<>(latest.deleted() ? null : CanonicalRows.customer(latest.row(), latest.commitTs())));
        });
        return out;
    }

    Map<String, ExpectedEntity<Performance>> performances() {
        Map<String, ExpectedEntity<Performance>> out = new TreeMap<>();
        history.performances.forEach((id, versions) -> {
            RowHistory.Version latest = versions.latest();
            if (latest.deleted()) {
                out.put(id.toString(), new ExpectedEntity<>(null));
                return;
            }
            JsonNode row = latest.row();
            long commitTs = latest.commitTs();
            RowHistory.Version attraction = latestLive(history.attractions.get(row.get("attraction_id").asLong()));
            RowHistory.Version venue = latestLive(history.venues.get(row.get("venue_id").asLong()));
            commitTs = Math.max(commitTs, attraction == null ? Long.MIN_VALUE : attraction.commitTs());
            commitTs = Math.max(commitTs, venue == null ? Long.MIN_VALUE : venue.commitTs());
            out.put(id.toString(), new ExpectedEntity<>(Performance.newBuilder()
                    .setPerformanceId(id)
                    .setAttractionId(row.get("attraction_id").asLong())
                    .setVenueId(row.get("venue_id").asLong())
                    .setStartsAt(CanonicalRows.iso(row, "starts_at"))
                    .setOnSaleAt(CanonicalRows.iso(row, "on_sale_at"))
                    .setStatus(CanonicalRows.performanceStatus(row))
                    .setAttraction(attraction == null ? null : CanonicalRows.attraction(attraction.row()))
                    .setVenue(venue == null ? null : CanonicalRows.venue(venue.row()))
                    .setCommitTs(Instant.ofEpochMilli(commitTs))
                    .build()));
        });
        return out;
    }

    Map<String, ExpectedEntity<Order>> orders() {
        Map<String, ExpectedEntity<Order>> out = new TreeMap<>();
        history.orders.forEach((id, versions) -> {
            RowHistory.Version latest = versions.latest();
            if (latest.deleted()) {
                out.put(id.toString(), new ExpectedEntity<>(null));
                return;
            }
            long commitTs = latest.commitTs();
            List<Ticket> tickets = new ArrayList<>();
            for (RowHistory ticket : history.ticketsOf(id).values()) {
                RowHistory.Version newest = ticket.latest();
                commitTs = Math.max(commitTs, newest.commitTs());
                if (!newest.deleted()) {
                    tickets.add(CanonicalRows.ticket(newest.row()));
                }
            }
            tickets.sort(Comparator.comparingLong(Ticket::getTicketId));
            RowHistory.Version latestPayment = null;
            for (RowHistory payment : history.paymentsOf(id).values()) {
                RowHistory.Version newest = payment.latest();
                commitTs = Math.max(commitTs, newest.commitTs());
                if (!newest.deleted() && (latestPayment == null || PAYMENT_RECENCY.compare(newest, latestPayment) > 0)) {
                    latestPayment = newest;
                }
            }
            JsonNode row = latest.row();
            out.put(id.toString(), new ExpectedEntity<>(Order.newBuilder()
                    .setOrderId(id)
                    .setCustomerRef(row.get("customer_ref").asText())
                    .setPerformanceId(row.get("performance_id").asLong())
                    .setStatus(CanonicalRows.orderStatus(row))
                    .setChannel(SalesChannel.valueOf(row.get("channel").asText()))
                    .setCurrency(row.get("currency").asText())
                    .setTotalAmount(new BigDecimal(row.get("total_amount").asText()))
                    .setCreatedAt(CanonicalRows.millis(row, "created_at"))
                    .setUpdatedAt(CanonicalRows.millis(row, "updated_at"))
                    .setTickets(tickets)
                    .setTicketCount((int) tickets.stream().filter(t -> t.getStatus() == TicketStatus.ISSUED).count())
                    .setPayment(latestPayment == null ? null : CanonicalRows.payment(latestPayment.row()))
                    .setCommitTs(Instant.ofEpochMilli(commitTs))
                    .build()));
        });
        return out;
    }

    /** "Latest payment": newest processed_at (none counts as oldest), then later commit, then higher payment id. */
    private static final Comparator<RowHistory.Version> PAYMENT_RECENCY = Comparator
            .comparing((RowHistory.Version v) -> CanonicalRows.millis(v.row(), "processed_at"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(RowHistory.Version::commitTs)
            .thenComparingLong(v -> v.row().get("payment_id").asLong());

    private static RowHistory.Version latestLive(RowHistory row) {
        if (row == null) {
            return null;
        }
        RowHistory.Version latest = row.latest();
        return latest.deleted() ? null : latest;
    }
}
