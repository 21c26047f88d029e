package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;

/**
 * What flows into the customer join of sales ({@link CustomerHop}), keyed by the dimension's key: either a new
 * version of the dimension (a tombstone when {@code dimension} is null) or a sale fact waiting for it.
 *
 * <p>Both kinds travel through ONE repartition topic, so a dimension and the sales that need it are on
 * the same task by construction, whatever the partition counts of their source topics.
 */
public final class DimensionOrSale<D> {

    private final D dimension;
    private final TicketSale sale;

    private DimensionOrSale(D dimension, TicketSale sale) {
        this.dimension = dimension;
        this.sale = sale;
    }

    /** A dimension version; {@code dimension} null means the dimension was deleted. */
    public static <D> DimensionOrSale<D> dimension(D dimension) { return new DimensionOrSale<>(dimension, null); }

    public static <D> DimensionOrSale<D> sale(TicketSale sale) { return new DimensionOrSale<>(null, sale); }

    public boolean isSale() { return sale != null; }

    public D dimension() { return dimension; }

    public TicketSale sale() { return sale; }
}
