package io.ticketstream.streams.topology;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.catalog.CatalogJoin;
import io.ticketstream.streams.join.catalog.CatalogRows;
import io.ticketstream.streams.join.customer.CustomerJoin;
import io.ticketstream.streams.join.order.OrderJoin;
import io.ticketstream.streams.join.order.OrderRows;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.sale.CustomerHop;
import io.ticketstream.streams.join.sale.DimensionOrSale;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The join half of the topology: normalised rows per mapping in, the five canonical topics out.
 *
 * <pre>
 * customers ───────────► CustomerJoin ──► Customer, CustomerChange
 *                             └── versions + progress ─────────────────────────┐
 * attractions, venues, performances ──► CatalogJoin ──► Performance           ▼
 *                             └── full copy + progress to every order task ─┐  CustomerHop ──► TicketSale
 * orders, tickets, payments (co-partitioned by order_id) ──► OrderJoin ◄────┘      ▲
 *                                                               ├──► Order          │
 *                                                               └── sale facts ─────┘
 * </pre>
 */
public final class JoinStage {

    private static final String CUSTOMERS = "customers";

    private final JoinSerdes serdes;
    private final JoinTopics topics;
    private final JoinSettings settings;
    private final Map<String, String> rawTopicByMapping;
    private final RawTopicLayout layout;

    public JoinStage(JoinSerdes serdes, JoinTopics topics, JoinSettings settings, Map<String, String> rawTopicByMapping,
                     RawTopicLayout layout) {
        this.serdes = serdes;
        this.topics = topics;
        this.settings = settings;
        this.rawTopicByMapping = rawTopicByMapping;
        this.layout = layout;
    }

    public void attach(Map<String, KStream<String, NormalizedRow>> rowsByMapping) {
        List<String> orderTopics = rawTopics(OrderRows.MAPPINGS);
        layout.requireCopartitioned(orderTopics);
        String customerTopic = rawTopics(List.of(CUSTOMERS)).get(0);

        KStream<String, Progressed<DimensionOrSale<Customer>>> customerFeed = CustomerJoin.attach(
                rows(rowsByMapping, CUSTOMERS), customerTopic, layout, settings, serdes, topics);
        KStream<String, Progressed<NormalizedRow>> catalog = CatalogJoin.attach(
                merged(rowsByMapping, CatalogRows.MAPPINGS, "catalog-rows"), rawTopics(CatalogRows.MAPPINGS), layout,
                layout.partitions(orderTopics.get(0)), settings, serdes, topics);
        KStream<String, TicketSale> sales = OrderJoin.attach(merged(rowsByMapping, OrderRows.MAPPINGS, "order-rows"),
                catalog, rawTopicByMapping, layout, settings, serdes, topics);
        CustomerHop.attach(sales, customerFeed, layout.sources(List.of(customerTopic)), settings, serdes, topics);
    }

    private KStream<String, NormalizedRow> merged(Map<String, KStream<String, NormalizedRow>> rowsByMapping,
                                                  List<String> mappings, String name) {
        KStream<String, NormalizedRow> merged = rows(rowsByMapping, mappings.get(0));
        for (String mapping : mappings.subList(1, mappings.size())) {
            merged = merged.merge(rows(rowsByMapping, mapping), Named.as(name + "-merge-" + mapping));
        }
        return merged;
    }

    private List<String> rawTopics(List<String> mappings) {
        return mappings.stream().map(mapping -> {
            String topic = rawTopicByMapping.get(mapping);
            if (topic == null) {
                throw new NoSuchElementException("The join stage needs the raw topic of mapping '" + mapping + "'; got "
                        + rawTopicByMapping.keySet());
            }
            return topic;
        }).toList();
    }

    private static KStream<String, NormalizedRow> rows(Map<String, KStream<String, NormalizedRow>> rowsByMapping,
                                                       String mapping) {
        KStream<String, NormalizedRow> rows = rowsByMapping.get(mapping);
        if (rows == null) {
            throw new NoSuchElementException("The join stage needs the '" + mapping + "' mapping's rows; got "
                    + rowsByMapping.keySet());
        }
        return rows;
    }
}
