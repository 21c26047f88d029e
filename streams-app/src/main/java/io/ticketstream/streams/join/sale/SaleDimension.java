package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;

/** How one hop attaches its dimension (customer or performance) to a sale fact. */
public interface SaleDimension<D> {

    /** Short name used in store and topic names, e.g. {@code customer}. */
    String name();

    /** The dimension key a sale needs, e.g. its customer_ref. */
    String keyOf(TicketSale sale);

    /** The sale with the dimension attached and its *_known flag true. */
    TicketSale attach(TicketSale sale, D dimension);

    /** The sale emitted after the grace without the dimension: *_known false, dimension null. */
    TicketSale unknown(TicketSale sale);
}
