package io.ticketstream.it.ordering.oracle;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;

/**
 * What the canonical topics must hold, computed from the raw records alone (see {@link SaleOracle} and
 * {@link EntityOracle}): every fact, once, and the last record per key of each entity topic.
 */
public record Expected(List<TicketSale> facts, Map<String, ExpectedEntity<Customer>> customers,
                       Map<String, ExpectedEntity<Performance>> performances, Map<String, ExpectedEntity<Order>> orders) {

    /** @param graceMs the app's {@code sale.grace.ms} */
    public static Expected from(Collection<Delivery> deliveries, long graceMs) {
        SourceHistory history = SourceHistory.of(deliveries);
        EntityOracle entities = new EntityOracle(history);
        return new Expected(new SaleOracle(history, graceMs).facts(), entities.customers(), entities.performances(),
                entities.orders());
    }
}
