package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.TicketSale;

/**
 * One output of the order join: a new Order version, an Order tombstone, or a sale fact (without its
 * dimensions yet). Lives only between two processors of one sub-topology, so it needs no serde.
 */
public final class OrderEffect {

    private final Order order;
    private final boolean tombstone;
    private final TicketSale sale;

    private OrderEffect(Order order, boolean tombstone, TicketSale sale) {
        this.order = order;
        this.tombstone = tombstone;
        this.sale = sale;
    }

    public static OrderEffect upsert(Order order) { return new OrderEffect(order, false, null); }

    public static OrderEffect tombstone() { return new OrderEffect(null, true, null); }

    public static OrderEffect sale(TicketSale sale) { return new OrderEffect(null, false, sale); }

    /** True for an Order upsert or tombstone (goes to the Order topic). */
    public boolean isOrderChange() { return order != null || tombstone; }

    public boolean isSale() { return sale != null; }

    /** The new version, or null for a tombstone. */
    public Order order() { return order; }

    public TicketSale sale() { return sale; }
}
