package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.Payment;
import io.ticketstream.schemas.PaymentStatus;
import io.ticketstream.schemas.PriceType;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.streams.join.JoinDataException;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.ticketstream.streams.join.RowReader.instantOrNull;
import static io.ticketstream.streams.join.RowReader.keyAsLong;
import static io.ticketstream.streams.join.RowReader.requireDecimal;
import static io.ticketstream.streams.join.RowReader.requireEnum;
import static io.ticketstream.streams.join.RowReader.requireLong;
import static io.ticketstream.streams.join.RowReader.requireString;

/**
 * Conversions of the SQL Server rows (orders, tickets, payments) to the parts of the canonical
 * {@link Order}. Each method validates everything the contract requires, so calling it on arrival
 * rejects a bad row before it touches state.
 */
public final class OrderRows {

    public static final String ORDERS = "orders";
    public static final String TICKETS = "tickets";
    public static final String PAYMENTS = "payments";
    /** The three mappings the order join reads, co-partitioned by order_id. */
    public static final List<String> MAPPINGS = List.of(ORDERS, TICKETS, PAYMENTS);

    private OrderRows() {
    }

    /** The order_id a row belongs to: the key of an order row, the order_id field of a ticket or payment. */
    public static long orderIdOf(NormalizedRow row) {
        return ORDERS.equals(row.mapping()) ? keyAsLong(row) : requireLong(row, "order_id");
    }

    public static long performanceIdOf(NormalizedRow order) {
        return requireLong(order, "performance_id");
    }

    public static OrderStatus status(NormalizedRow order) {
        return requireEnum(order, "status", OrderStatus.class);
    }

    /** The order's own columns; tickets, ticket_count, payment and commit_ts are filled by {@link OrderAssembler}. */
    public static Order.Builder header(NormalizedRow order) {
        return Order.newBuilder()
                .setOrderId(keyAsLong(order))
                .setCustomerRef(requireString(order, "customer_ref"))
                .setPerformanceId(performanceIdOf(order))
                .setStatus(status(order))
                .setChannel(requireEnum(order, "channel", SalesChannel.class))
                .setCurrency(requireString(order, "currency"))
                .setTotalAmount(money(order, "total_amount"))
                .setCreatedAt(instantOrNull(order.getTimestamp("created_at")))
                .setUpdatedAt(instantOrNull(order.getTimestamp("updated_at")));
    }

    public static Ticket ticket(NormalizedRow ticket) {
        return Ticket.newBuilder()
                .setTicketId(keyAsLong(ticket))
                .setPerformanceId(requireLong(ticket, "performance_id"))
                .setSection(ticket.getString("section"))
                .setRowLabel(ticket.getString("row_label"))
                .setSeatNumber(ticket.getInt("seat_number"))
                .setPriceType(requireEnum(ticket, "price_type", PriceType.class))
                .setPrice(money(ticket, "price"))
                .setStatus(requireEnum(ticket, "status", TicketStatus.class))
                .build();
    }

    public static Payment payment(NormalizedRow payment) {
        return Payment.newBuilder()
                .setPaymentId(keyAsLong(payment))
                .setAmount(money(payment, "amount"))
                .setMethod(payment.getString("method"))
                .setStatus(requireEnum(payment, "status", PaymentStatus.class))
                .setProcessedAt(instantOrNull(payment.getTimestamp("processed_at")))
                .build();
    }

    /** Validates a row of any of the three mappings by converting it; throws {@link JoinDataException}. */
    public static void validate(NormalizedRow row) {
        orderIdOf(row);
        if (row.isDelete()) {
            return; // a delete needs only its ids: the before image may hold keys only
        }
        switch (row.mapping()) {
            case ORDERS -> header(row);
            case TICKETS -> ticket(row);
            case PAYMENTS -> payment(row);
            default -> throw new JoinDataException("order join received a row of mapping '" + row.mapping()
                    + "' (key " + row.key() + "); expected one of " + List.of(ORDERS, TICKETS, PAYMENTS));
        }
    }

    /**
     * Money columns are decimal(12,2)/(10,2) in the source and in the contract: scale 2 exactly. A value
     * that would need rounding is bad input, not something to round silently.
     */
    static BigDecimal money(NormalizedRow row, String field) {
        BigDecimal value = requireDecimal(row, field);
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new JoinDataException(row.mapping(), row.key(), field, value.toPlainString(),
                    "more than 2 decimal places");
        }
    }
}
