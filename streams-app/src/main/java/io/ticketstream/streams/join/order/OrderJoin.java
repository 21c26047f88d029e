package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;

/**
 * Wires the order join: orders, tickets and payments are re-keyed by order_id and merged into ONE
 * repartition topic (co-partitioned by construction, one shuffle for all three), then joined by
 * {@link OrderJoinProcessor}.
 */
public final class OrderJoin {

    public static final String STORE = "order-state";
    public static final String REPARTITION = "order-rows-by-order-id";

    private OrderJoin() {
    }

    /** @return sale facts (no dimensions yet) keyed by order_id */
    public static KStream<String, TicketSale> attach(KStream<String, NormalizedRow> orders,
                                                     KStream<String, NormalizedRow> tickets,
                                                     KStream<String, NormalizedRow> payments,
                                                     JoinSerdes serdes, JoinTopics topics) {
        KStream<String, NormalizedRow> byOrderId = orders
                .merge(tickets, Named.as("order-rows-merge-tickets"))
                .merge(payments, Named.as("order-rows-merge-payments"))
                .selectKey((key, row) -> row == null ? key : orderKey(row), Named.as("order-rows-key-by-order-id"))
                .repartition(Repartitioned.with(serdes.key(), serdes.row()).withName(REPARTITION));

        StoreBuilder<?> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), serdes.key(),
                new OrderStateSerde(serdes.row()));
        ProcessorSupplier<String, NormalizedRow, String, OrderEffect> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<String, NormalizedRow, String, OrderEffect> get() {
                return new OrderJoinProcessor(STORE);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
        KStream<String, OrderEffect> effects = byOrderId.process(supplier, Named.as("order-join"));
        effects.filter((id, effect) -> effect.isOrderChange(), Named.as("order-versions"))
                .mapValues(OrderEffect::order, Named.as("order-version-values"))
                .to(topics.order(), Produced.with(serdes.key(), serdes.order()).withName("order-sink"));
        return effects.filter((id, effect) -> effect.isSale(), Named.as("sale-facts"))
                .mapValues(OrderEffect::sale, Named.as("sale-fact-values"));
    }

    /**
     * The order_id of a row. A ticket or payment without one cannot be joined: it stays keyed by its own id
     * and the join processor rejects it with a message naming the field (dead-lettered, not lost).
     */
    private static String orderKey(NormalizedRow row) {
        Object orderId = OrderRows.ORDERS.equals(row.mapping()) ? row.key() : row.fields().get("order_id");
        return orderId == null ? row.key() : orderId.toString();
    }
}
