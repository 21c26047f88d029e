package io.ticketstream.it.ordering.oracle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.TicketSale;

/**
 * The TicketSale facts the contract's "Oracle" section derives from the input alone:
 * <ul>
 *   <li>SALE at T, the commit of the order's first PAID row in commit order: ticket_count = the order's tickets whose
 *       newest version committed at or before T exists and is ISSUED (same-transaction tickets included); amount,
 *       currency, channel, customer_ref and performance_id from that PAID row;</li>
 *   <li>REVERSAL at the first CANCELLED or REFUNDED row committed at or after T, with the SALE's figures;</li>
 *   <li>dimensions as of each fact's own time F: the newest version committed at or before F (a deletion by then
 *       means none), else the first (earliest) version committed in (F, F + grace], else unknown (flag false, part
 *       null); a performance is composed with its attraction and venue as of F.</li>
 * </ul>
 */
final class SaleOracle {

    private final SourceHistory history;
    private final long graceMs;

    SaleOracle(SourceHistory history, long graceMs) {
        this.history = history;
        this.graceMs = graceMs;
    }

    List<TicketSale> facts() {
        List<TicketSale> facts = new ArrayList<>();
        for (Map.Entry<Long, RowHistory> order : history.orders.entrySet()) {
            RowHistory.Version paid = firstWithStatus(order.getValue(), Long.MIN_VALUE, "PAID").orElse(null);
            if (paid == null) {
                continue;
            }
            long orderId = order.getKey();
            long saleAt = paid.commitTs();
            TicketSale sale = fact(orderId, SaleType.SALE, saleAt, paid.row(), issuedTicketsAt(orderId, saleAt));
            facts.add(sale);
            firstWithStatus(order.getValue(), saleAt, "CANCELLED", "REFUNDED").ifPresent(reversal ->
                    facts.add(fact(orderId, SaleType.REVERSAL, reversal.commitTs(), paid.row(), sale.getTicketCount())));
        }
        return facts;
    }

    private TicketSale fact(long orderId, SaleType type, long occurredAt, JsonNode paidRow, int ticketCount) {
        String customerRef = paidRow.get("customer_ref").asText();
        long performanceId = paidRow.get("performance_id").asLong();
        Optional<JsonNode> customer = history.customer(customerRef).flatMap(h -> asOfWithGrace(h, occurredAt));
        Optional<JsonNode> performance = Optional.ofNullable(history.performances.get(performanceId))
                .flatMap(h -> asOfWithGrace(h, occurredAt));
        return TicketSale.newBuilder()
                .setSaleId(orderId + "-" + type)
                .setType(type)
                .setOrderId(orderId)
                .setOccurredAt(Instant.ofEpochMilli(occurredAt))
                .setCustomerRef(customerRef)
                .setCustomerKnown(customer.isPresent())
                .setCustomer(customer.map(CanonicalRows::saleCustomer).orElse(null))
                .setPerformanceId(performanceId)
                .setPerformanceKnown(performance.isPresent())
                .setPerformance(performance.map(p -> CanonicalRows.salePerformance(p,
                        liveAsOf(history.attractions, p.get("attraction_id").asLong(), occurredAt),
                        liveAsOf(history.venues, p.get("venue_id").asLong(), occurredAt))).orElse(null))
                .setTicketCount(ticketCount)
                .setGrossAmount(new BigDecimal(paidRow.get("total_amount").asText()))
                .setCurrency(paidRow.get("currency").asText())
                .setChannel(SalesChannel.valueOf(paidRow.get("channel").asText()))
                .build();
    }

    private int issuedTicketsAt(long orderId, long ts) {
        int issued = 0;
        for (RowHistory ticket : history.ticketsOf(orderId).values()) {
            if (ticket.liveAsOf(ts).filter(row -> "ISSUED".equals(row.get("status").asText())).isPresent()) {
                issued++;
            }
        }
        return issued;
    }

    /** The version in force at {@code ts}; else the first one committed within the grace after it; else none. */
    private Optional<JsonNode> asOfWithGrace(RowHistory dimension, long ts) {
        Optional<JsonNode> atTime = dimension.liveAsOf(ts);
        return atTime.isPresent() ? atTime : dimension.firstLiveIn(ts, ts + graceMs);
    }

    private static JsonNode liveAsOf(Map<Long, RowHistory> rows, long id, long ts) {
        RowHistory row = rows.get(id);
        return row == null ? null : row.liveAsOf(ts).orElse(null);
    }

    /** The first version in commit order, at or after {@code from}, whose status is one of {@code statuses}. */
    private static Optional<RowHistory.Version> firstWithStatus(RowHistory order, long from, String... statuses) {
        for (RowHistory.Version version : order.inCommitOrder()) {
            if (version.commitTs() >= from && !version.deleted() && List.of(statuses).contains(version.row().get("status").asText())) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
