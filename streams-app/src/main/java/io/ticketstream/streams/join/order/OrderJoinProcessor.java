package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Map;

/**
 * Joins orders, tickets and payments (all re-keyed by order_id and co-partitioned upstream) into
 * {@link Order} versions and {@link TicketSale} facts.
 *
 * <p>Per row, newest commit wins: a row whose commit time is older than the stored row of the same id
 * is a replay and does not change the Order (a tie is applied: same-second commits in one transaction
 * and an exact redelivery must both be idempotent). Tickets and payments seen before their order are
 * stored and show up in the first Order version. Nothing is emitted for an order_id until its order
 * row is known.
 */
public final class OrderJoinProcessor implements Processor<String, NormalizedRow, String, OrderEffect> {

    private final String storeName;
    private ProcessorContext<String, OrderEffect> context;
    private KeyValueStore<String, OrderState> store;

    public OrderJoinProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, OrderEffect> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, NormalizedRow> record) {
        NormalizedRow row = record.value();
        if (row == null) {
            return; // raw-topic tombstones that follow a delete carry nothing: the delete row already did the work
        }
        OrderRows.validate(row); // throws before any state changes
        String orderId = Long.toString(OrderRows.orderIdOf(row));
        OrderState state = store.get(orderId);
        if (state == null) {
            state = new OrderState();
        }
        boolean changed = switch (row.mapping()) {
            case OrderRows.ORDERS -> applyOrder(orderId, row, state, record.timestamp());
            case OrderRows.TICKETS -> applyChild(state.tickets(), row);
            default -> applyChild(state.payments(), row);
        };
        if (changed && state.order() != null && !OrderRows.ORDERS.equals(row.mapping())) {
            forward(orderId, OrderEffect.upsert(OrderAssembler.assemble(state)), record.timestamp());
        }
        store.put(orderId, state);
    }

    private boolean applyOrder(String orderId, NormalizedRow row, OrderState state, long timestamp) {
        boolean stale = row.commitTs() < state.orderCommitTs();
        if (row.isDelete()) {
            if (state.order() == null || stale) {
                return false;
            }
            state.orderDeleted(row.commitTs());
            forward(orderId, OrderEffect.tombstone(), timestamp);
            return true;
        }
        if (!stale) {
            state.order(row);
        }
        if (state.order() == null) {
            // A replayed upsert older than the order's delete: the order stays deleted, and since the
            // sale flags survived the delete, a replayed PAID sells nothing twice either.
            return false;
        }
        Order order = OrderAssembler.assemble(state);
        if (!stale) {
            forward(orderId, OrderEffect.upsert(order), timestamp);
        }
        for (TicketSale sale : SaleFacts.decide(row, state, order)) {
            forward(orderId, OrderEffect.sale(sale), sale.getOccurredAt().toEpochMilli());
        }
        return !stale;
    }

    /** Tickets and payments: upsert or remove by id, newest commit wins. */
    private static boolean applyChild(Map<Long, NormalizedRow> rows, NormalizedRow row) {
        long id = Long.parseLong(row.key());
        NormalizedRow current = rows.get(id);
        if (current != null && row.commitTs() < current.commitTs()) {
            return false;
        }
        if (row.isDelete()) {
            return rows.remove(id) != null;
        }
        rows.put(id, row);
        return true;
    }

    private void forward(String orderId, OrderEffect effect, long timestamp) {
        context.forward(new Record<>(orderId, effect, timestamp));
    }
}
