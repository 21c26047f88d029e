package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.progress.ProgressPartitioners;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.progress.ProgressedSerde;
import io.ticketstream.streams.join.progress.SourcePartition;
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
 * Wires the last step of a sale: sale facts (keyed by order_id, performance attached) and the customer join's
 * versions and progress reports meet in ONE topic keyed by customer_ref (watermarks to every partition), then
 * {@link CustomerHopProcessor} attaches the customer and the facts go to the TicketSale topic, keyed by order_id.
 */
public final class CustomerHop {

    public static final String REPARTITION = "sale-customer-by-ref";
    public static final String VERSIONS_STORE = "sale-customer-versions";
    public static final String WAITING_STORE = "sale-customer-waiting-facts";

    private CustomerHop() {
    }

    public static void attach(KStream<String, TicketSale> sales,
                              KStream<String, Progressed<DimensionOrSale<Customer>>> customerFeed,
                              Set<SourcePartition> customerSources, JoinSettings settings, JoinSerdes serdes,
                              JoinTopics topics) {
        Set<StoreBuilder<?>> stores = Set.of(
                Stores.versionedKeyValueStoreBuilder(Stores.persistentVersionedKeyValueStore(VERSIONS_STORE,
                        settings.dimensionHistory()), serdes.key(), serdes.customer()),
                // In memory (changelogged): few keys at a time, each written and deleted within moments.
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WAITING_STORE), serdes.key(),
                        WaitingSale.serde(serdes.ticketSale())).withCachingEnabled());
        ProcessorSupplier<String, Progressed<DimensionOrSale<Customer>>, String, TicketSale> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<String, Progressed<DimensionOrSale<Customer>>, String, TicketSale> get() {
                return new CustomerHopProcessor(customerSources, settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
        ProgressedSerde<DimensionOrSale<Customer>> serde = new ProgressedSerde<>(
                new DimensionOrSaleSerde<>(serdes.customer(), serdes.ticketSale()));
        sales.selectKey((orderId, sale) -> sale.getCustomerRef(), Named.as("sale-key-by-customer-ref"))
                .mapValues(sale -> Progressed.data(DimensionOrSale.<Customer>sale(sale)), Named.as("sale-as-data"))
                .merge(customerFeed, Named.as("sale-customer-merge"))
                .repartition(Repartitioned.with(serdes.key(), serde).withName(REPARTITION)
                        .withStreamPartitioner(ProgressPartitioners.byKeyWatermarksToAll()))
                .process(supplier, Named.as("sale-customer-join"))
                .to(topics.ticketSale(), Produced.with(serdes.key(), serdes.ticketSale()).withName("ticket-sale-sink"));
    }
}
