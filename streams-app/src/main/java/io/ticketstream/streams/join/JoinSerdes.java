package io.ticketstream.streams.join;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every serde the join stage uses, in one place: keys are UTF-8 strings, canonical values use the
 * schemas module's single-object serde (also inside state stores and repartition topics, so what is
 * stored is exactly what is published), normalised rows use the normalisation stage's serde.
 */
public final class JoinSerdes {

    private final Serde<NormalizedRow> row;
    private final Serde<Customer> customer = CanonicalSerdes.customer();
    private final Serde<CustomerChange> customerChange = CanonicalSerdes.customerChange();
    private final Serde<Performance> performance = CanonicalSerdes.performance();
    private final Serde<Order> order = CanonicalSerdes.order();
    private final Serde<TicketSale> ticketSale = CanonicalSerdes.ticketSale();

    public JoinSerdes(Serde<NormalizedRow> rowSerde) {
        this.row = rowSerde;
    }

    public Serde<String> key() { return Serdes.String(); }

    public Serde<NormalizedRow> row() { return row; }

    public Serde<Customer> customer() { return customer; }

    public Serde<CustomerChange> customerChange() { return customerChange; }

    public Serde<Performance> performance() { return performance; }

    public Serde<Order> order() { return order; }

    public Serde<TicketSale> ticketSale() { return ticketSale; }
}
