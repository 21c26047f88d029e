package io.ticketstream.streams.topology;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.join.customer.CustomerJoin;
import io.ticketstream.streams.join.order.OrderJoin;
import io.ticketstream.streams.join.performance.PerformanceJoin;
import io.ticketstream.streams.join.sale.SaleEnrichment;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The join half of the topology: normalised rows per mapping in, the five canonical topics out.
 *
 * <pre>
 * customers ──► CustomerJoin ──► Customer, CustomerChange ──────────────┐ (versions)
 * orders+tickets+payments ──► OrderJoin ──► Order                         ▼
 *                                  └──► sale facts ──► customer hop ──► performance hop ──► TicketSale
 * performances ⋈ attractions ⋈ venues ──► PerformanceJoin ──► Performance ──┘ (versions)
 * </pre>
 */
public final class JoinStage {

    /** How far back "as of sale time" lookups reach; older sales see the latest version instead. */
    public static final Duration DIMENSION_HISTORY = Duration.ofDays(7);

    private final JoinSerdes serdes;
    private final JoinTopics topics;
    private final Duration saleGrace;

    public JoinStage(JoinSerdes serdes, JoinTopics topics, Duration saleGrace) {
        this.serdes = serdes;
        this.topics = topics;
        this.saleGrace = saleGrace;
    }

    public void attach(Map<String, KStream<String, NormalizedRow>> rowsByMapping) {
        KStream<String, Customer> customerVersions = CustomerJoin.attach(rows(rowsByMapping, "customers"), serdes, topics);
        KStream<String, Performance> performanceVersions = PerformanceJoin.attach(
                        rows(rowsByMapping, "performances"), rows(rowsByMapping, "attractions"),
                        rows(rowsByMapping, "venues"), serdes, topics)
                .toStream(Named.as("performance-versions-for-sales"));
        KStream<String, TicketSale> saleFacts = OrderJoin.attach(rows(rowsByMapping, "orders"),
                rows(rowsByMapping, "tickets"), rows(rowsByMapping, "payments"), serdes, topics);
        SaleEnrichment.attach(saleFacts, customerVersions, performanceVersions, saleGrace, DIMENSION_HISTORY,
                serdes, topics);
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
