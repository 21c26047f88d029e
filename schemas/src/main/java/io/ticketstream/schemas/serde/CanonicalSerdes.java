package io.ticketstream.schemas.serde;

import org.apache.avro.specific.SpecificRecord;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * Serdes of the canonical topics' values, resolving writer schemas against {@link SchemaCatalog#canonical()}.
 * Keys are plain UTF-8 strings: use {@code Serdes.String()}.
 */
public final class CanonicalSerdes {

    private CanonicalSerdes() {
    }

    public static CanonicalSerde<Customer> customer() {
        return forClass(Customer.class);
    }

    public static CanonicalSerde<Performance> performance() {
        return forClass(Performance.class);
    }

    public static CanonicalSerde<Order> order() {
        return forClass(Order.class);
    }

    public static CanonicalSerde<TicketSale> ticketSale() {
        return forClass(TicketSale.class);
    }

    public static CanonicalSerde<CustomerChange> customerChange() {
        return forClass(CustomerChange.class);
    }

    /** The serde of any canonical entity's generated class. */
    public static <T extends SpecificRecord> CanonicalSerde<T> forClass(Class<T> recordClass) {
        return new CanonicalSerde<>(recordClass, SchemaCatalog.canonical());
    }
}
