package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.sale.DimensionOrSale;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;

/** Wires the customer join: customers rows in; Customer and CustomerChange topics out. */
public final class CustomerJoin {

    public static final String STORE = "customer-by-mongo-id";

    private CustomerJoin() {
    }

    /**
     * @return for the sale join: Customer versions keyed by customer_ref (a null customer = deleted), timestamped
     *         with their commit time, plus this join's progress reports; NOT partitioned by customer_ref yet
     */
    public static KStream<String, Progressed<DimensionOrSale<Customer>>> attach(KStream<String, NormalizedRow> customers,
                                                                             String rawTopic, RawTopicLayout layout,
                                                                             JoinSettings settings, JoinSerdes serdes,
                                                                             JoinTopics topics) {
        StoreBuilder<?> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), serdes.key(),
                serdes.customer());
        ProcessorSupplier<String, NormalizedRow, String, CustomerEffect> supplier = new ProcessorSupplier<>() {
            @Override
            public Processor<String, NormalizedRow, String, CustomerEffect> get() {
                return new CustomerJoinProcessor(STORE, rawTopic, layout, settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
        KStream<String, CustomerEffect> effects = customers.process(supplier, Named.as("customer-join"));
        effects.filter((ref, effect) -> effect.isCustomerVersion(), Named.as("customer-versions"))
                .mapValues(CustomerEffect::customer, Named.as("customer-version-values"))
                .to(topics.customer(), Produced.with(serdes.key(), serdes.customer()).withName("customer-sink"));
        effects.filter((ref, effect) -> effect.isChange(), Named.as("customer-changes"))
                .mapValues(CustomerEffect::change, Named.as("customer-change-values"))
                .to(topics.customerChange(), Produced.with(serdes.key(), serdes.customerChange())
                        .withName("customer-change-sink"));
        return effects.filter((ref, effect) -> effect.isCustomerVersion() || effect.isWatermark(),
                        Named.as("customer-feed"))
                .mapValues(effect -> effect.isWatermark()
                        ? Progressed.<DimensionOrSale<Customer>>watermark(effect.watermark())
                        : Progressed.data(DimensionOrSale.dimension(effect.customer())), Named.as("customer-feed-values"));
    }
}
