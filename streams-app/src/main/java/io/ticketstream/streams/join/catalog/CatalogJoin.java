package io.ticketstream.streams.join.catalog;

import io.ticketstream.schemas.Performance;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.progress.ProgressPartitioners;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.progress.ProgressedSerde;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Collection;
import java.util.Set;

/**
 * Wires the catalogue (attractions, venues, performances; small by nature):
 * <pre>
 * raw catalogue rows ──► CatalogFeedProcessor ──► broadcast to every order-join task (rows + progress) ──► OrderJoin
 *                               └──► one partition ──► CatalogStateProcessor ──► Performance topic
 * </pre>
 */
public final class CatalogJoin {

    public static final String BROADCAST = "catalog-broadcast";
    public static final String STATE = "catalog-state-rows";

    private CatalogJoin() {
    }

    /**
     * @param catalogRows     the normalised rows of the three catalogue mappings, merged
     * @param rawTopics       their raw topics (the partitions whose progress the feed reports)
     * @param orderPartitions the partition count of the order topics: one catalogue copy per order-join task
     * @return the broadcast copy, for {@link io.ticketstream.streams.join.order.OrderJoin}
     */
    public static KStream<String, Progressed<NormalizedRow>> attach(KStream<String, NormalizedRow> catalogRows,
                                                                    Collection<String> rawTopics, RawTopicLayout layout,
                                                                    int orderPartitions, JoinSettings settings,
                                                                    JoinSerdes serdes, JoinTopics topics) {
        ProgressedSerde<NormalizedRow> progressedRows = new ProgressedSerde<>(serdes.row());
        KStream<String, Progressed<NormalizedRow>> feed = catalogRows.process(
                () -> new CatalogFeedProcessor(rawTopics, layout, settings),
                Named.as("catalog-feed"));

        feed.filter((key, value) -> !value.isWatermark(), Named.as("catalog-rows-only"))
                .mapValues(Progressed::value, Named.as("catalog-row-values"))
                .repartition(Repartitioned.with(serdes.key(), serdes.row()).withName(STATE).withNumberOfPartitions(1))
                .process(catalogState(settings, serdes), Named.as("catalog-state"))
                .to(topics.performance(), Produced.with(serdes.key(), serdes.performance()).withName("performance-sink"));

        return feed.repartition(Repartitioned.with(serdes.key(), progressedRows).withName(BROADCAST)
                .withNumberOfPartitions(orderPartitions)
                .withStreamPartitioner(ProgressPartitioners.broadcastAll()));
    }

    private static ProcessorSupplier<String, NormalizedRow, String, Performance> catalogState(JoinSettings settings,
                                                                                              JoinSerdes serdes) {
        // In memory (changelogged, restored on start-up like any store): the catalogue is small, and its marks and
        // links are written and deleted all the time, which a RocksDB store turns into compaction work.
        Set<StoreBuilder<?>> stores = Set.of(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CatalogStateProcessor.ROWS_STORE),
                        serdes.key(), serdes.row()),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CatalogStateProcessor.LINKS_STORE),
                        serdes.key(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CatalogStateProcessor.PUBLISHED_STORE),
                        serdes.key(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CatalogStateProcessor.DIRTY_STORE),
                        serdes.key(), Serdes.String()).withCachingEnabled());
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, NormalizedRow, String, Performance> get() {
                return new CatalogStateProcessor(settings.watermarkInterval());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
    }
}
