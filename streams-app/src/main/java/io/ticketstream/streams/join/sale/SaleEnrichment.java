package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinTopics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Set;

/**
 * Wires the two sale-enrichment hops: sale facts keyed by order_id go to customer_ref (customer hop),
 * then to performance_id (performance hop), then back to order_id into the TicketSale topic.
 */
public final class SaleEnrichment {

    private SaleEnrichment() {
    }

    /**
     * @param historyRetention how far back the versioned dimension stores answer "as of" lookups
     */
    public static void attach(KStream<String, TicketSale> saleFacts, KStream<String, Customer> customerVersions,
                              KStream<String, Performance> performanceVersions, Duration grace,
                              Duration historyRetention, JoinSerdes serdes, JoinTopics topics) {
        KStream<String, TicketSale> withCustomer = hop(new CustomerDimension(), saleFacts, customerVersions,
                serdes.customer(), grace, historyRetention, serdes);
        KStream<String, TicketSale> withPerformance = hop(new PerformanceDimension(), withCustomer,
                performanceVersions, serdes.performance(), grace, historyRetention, serdes);
        withPerformance
                .selectKey((performanceId, sale) -> Long.toString(sale.getOrderId()), Named.as("ticket-sale-key-by-order-id"))
                .to(topics.ticketSale(), Produced.with(serdes.key(), serdes.ticketSale()).withName("ticket-sale-sink"));
    }

    private static <D> KStream<String, TicketSale> hop(SaleDimension<D> dimension, KStream<String, TicketSale> sales,
                                                       KStream<String, D> versions, Serde<D> dimensionSerde,
                                                       Duration grace, Duration historyRetention, JoinSerdes serdes) {
        String name = "sale-" + dimension.name();
        String versionsStore = name + "-versions";
        String pendingStore = name + "-pending";
        KStream<String, DimensionOrSale<D>> saleEvents = sales
                .selectKey((key, sale) -> dimension.keyOf(sale), Named.as(name + "-key"))
                .mapValues(DimensionOrSale::<D>sale, Named.as(name + "-wrap-sale"));
        KStream<String, DimensionOrSale<D>> dimensionEvents = versions
                .mapValues(DimensionOrSale::<D>dimension, Named.as(name + "-wrap-" + dimension.name()));

        StoreBuilder<?> versionsBuilder = Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(versionsStore, historyRetention), serdes.key(), dimensionSerde);
        StoreBuilder<?> pendingBuilder = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(pendingStore), serdes.key(), serdes.ticketSale());
        ProcessorSupplier<String, DimensionOrSale<D>, String, TicketSale> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<String, DimensionOrSale<D>, String, TicketSale> get() {
                return new SaleEnrichmentProcessor<>(dimension, versionsStore, pendingStore, grace);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(versionsBuilder, pendingBuilder);
            }
        };
        return dimensionEvents
                .merge(saleEvents, Named.as(name + "-merge"))
                .repartition(Repartitioned.with(serdes.key(), new DimensionOrSaleSerde<>(dimensionSerde, serdes.ticketSale()))
                        .withName(name + "-by-" + dimension.name() + "-key"))
                .process(supplier, Named.as(name + "-enrich"));
    }
}
