package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.catalog.CatalogVersions;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;
import java.util.Set;

/**
 * Wires the order join. Orders, tickets and payments come straight from their raw topics, which are keyed by
 * order_id at the source (Debezium {@code message.key.columns}) and co-partitioned, so one task holds every row
 * of an order, in commit order per partition and merged in timestamp order by Kafka Streams: no repartition.
 * The catalogue arrives as a broadcast copy (see CatalogJoin).
 */
public final class OrderJoin {

    public static final String STATE_STORE = "order-join-state";
    public static final String WAITING_STORE = "order-join-waiting-facts";

    private OrderJoin() {
    }

    /**
     * @param orderRows the normalised orders, tickets and payments, merged (one sub-topology with their sources)
     * @param catalog   the catalogue copy with its progress, one full copy per partition of the order topics
     * @return sale facts (performance attached, customer not yet) keyed by order_id
     */
    public static KStream<String, TicketSale> attach(KStream<String, NormalizedRow> orderRows,
                                                     KStream<String, Progressed<NormalizedRow>> catalog,
                                                     Map<String, String> rawTopicByMapping, RawTopicLayout layout,
                                                     JoinSettings settings, JoinSerdes serdes, JoinTopics topics) {
        Set<StoreBuilder<?>> stores = Set.of(
                // Cached: the rows of one check-out arrive together, and a fact waits a moment then leaves; the cache
                // turns those bursts into one changelog write per key and commit instead of one per row.
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), serdes.key(),
                        new OrderStateSerde(serdes.row())).withCachingEnabled(),
                // In memory (changelogged): few keys at a time, each written and deleted within moments.
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WAITING_STORE), serdes.key(), Serdes.Long())
                        .withCachingEnabled(),
                versions(CatalogVersions.ATTRACTIONS_STORE, settings, serdes),
                versions(CatalogVersions.VENUES_STORE, settings, serdes),
                versions(CatalogVersions.PERFORMANCES_STORE, settings, serdes));
        ProcessorSupplier<String, Progressed<NormalizedRow>, String, OrderEffect> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<String, Progressed<NormalizedRow>, String, OrderEffect> get() {
                return new OrderJoinProcessor(rawTopicByMapping, layout, settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
        KStream<String, OrderEffect> effects = orderRows
                .mapValues(Progressed::data, Named.as("order-rows-as-data"))
                .merge(catalog, Named.as("order-join-merge-catalog"))
                .process(supplier, Named.as("order-join"));
        effects.filter((id, effect) -> effect.isOrderChange(), Named.as("order-versions"))
                .mapValues(OrderEffect::order, Named.as("order-version-values"))
                .to(topics.order(), Produced.with(serdes.key(), serdes.order()).withName("order-sink"));
        return effects.filter((id, effect) -> effect.isSale(), Named.as("sale-facts"))
                .mapValues(OrderEffect::sale, Named.as("sale-fact-values"));
    }

    private static StoreBuilder<?> versions(String name, JoinSettings settings, JoinSerdes serdes) {
        return Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(name, settings.dimensionHistory()), serdes.key(), serdes.row());
    }
}
