package io.ticketstream.warehouse.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

/**
 * The reconciliations of {@code warehouse check}, in SQL both dialects run as written (no dialect-specific syntax),
 * so the same checks run on the PostgreSQL stand-in and on Snowflake.
 *
 * <p>Inside the warehouse: every fact row joins a row of each of its dimensions (a real version or the unknown
 * member); the unknown member is used only where the fact itself says the dimension was not known; a fact's
 * dimension version holds the same values the fact embedded when it was made (its as-of values); each natural key
 * has at most one version at any time and at most one current version; no fact is there twice.
 * Against the canonical topics ({@link CanonicalTopicFigures}): SALE minus REVERSAL gross per currency, facts per
 * type, and the number of issued tickets of paid orders.
 */
public final class WarehouseChecks {

    private static final String[][] FACT_DIMENSIONS = {
        {"presentation.fact_ticket_sale", "customer_key", "presentation.dim_customer"},
        {"presentation.fact_ticket_sale", "performance_key", "presentation.dim_performance"},
        {"presentation.fact_ticket_sale", "date_key", "presentation.dim_date"},
        {"presentation.fact_ticket", "customer_key", "presentation.dim_customer"},
        {"presentation.fact_ticket", "performance_key", "presentation.dim_performance"},
        {"presentation.fact_ticket", "date_key", "presentation.dim_date"},
    };

    private final Connection connection;

    public WarehouseChecks(Connection connection) {
        this.connection = connection;
    }

    /** The checks that need nothing but the warehouse. */
    public List<CheckResult> insideTheWarehouse() throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        long orphans = 0;
        for (String[] fd : FACT_DIMENSIONS) {
            orphans += count("SELECT COUNT(*) FROM " + fd[0] + " f LEFT JOIN " + fd[2] + " d ON d." + fd[1] + " = f." + fd[1]
                    + " WHERE d." + fd[1] + " IS NULL");
        }
        results.add(CheckResult.zero("facts-join-a-dimension-row", orphans,
                "fact rows whose customer, performance or date key has no dimension row (unknown member included)"));
        long knownButMissing = count("SELECT COUNT(*) FROM presentation.fact_ticket_sale WHERE (customer_known AND customer_key = -1)"
                + " OR (performance_known AND performance_key = -1)");
        long unknownButJoined = count("SELECT COUNT(*) FROM presentation.fact_ticket_sale WHERE (NOT customer_known AND customer_key <> -1)"
                + " OR (NOT performance_known AND performance_key <> -1)");
        results.add(CheckResult.zero("unknown-member-only-when-the-fact-says-unknown", knownButMissing + unknownButJoined,
                "sales whose known flag and unknown-member key disagree (" + knownButMissing
                        + " known but no dimension version landed, " + unknownButJoined + " unknown but joined)"));
        results.add(CheckResult.zero("dimension-version-is-the-facts-as-of-version", count(AS_OF_DISAGREEMENTS),
                "sales whose customer or performance version differs from the values the sale carries"));
        long overlaps = count(overlapping("presentation.dim_customer", "customer_ref", "customer_key"))
                + count(overlapping("presentation.dim_performance", "performance_id", "performance_key"));
        long doubleCurrent = count("SELECT COUNT(*) FROM (SELECT customer_ref FROM presentation.dim_customer WHERE is_current "
                + "GROUP BY customer_ref HAVING COUNT(*) > 1) c")
                + count("SELECT COUNT(*) FROM (SELECT performance_id FROM presentation.dim_performance WHERE is_current "
                + "GROUP BY performance_id HAVING COUNT(*) > 1) p");
        results.add(CheckResult.zero("scd2-one-version-at-a-time", overlaps + doubleCurrent,
                "overlapping or doubly current dimension versions"));
        long duplicates = count("SELECT COUNT(*) FROM (SELECT sale_id FROM presentation.fact_ticket_sale GROUP BY sale_id HAVING COUNT(*) > 1) s")
                + count("SELECT COUNT(*) FROM (SELECT ticket_id FROM presentation.fact_ticket GROUP BY ticket_id HAVING COUNT(*) > 1) t");
        results.add(CheckResult.zero("no-fact-twice", duplicates, "sale_id or ticket_id values with more than one fact row"));
        return results;
    }

    /** Where the presentation layer stands in each canonical topic partition. */
    public Watermark watermark() throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT kafka_topic, kafka_partition, max_offset FROM presentation.load_watermark")) {
            while (rows.next()) {
                offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        return new Watermark(offsets);
    }

    /** The warehouse side of the topic reconciliation. */
    public TopicFigures figures() throws SQLException {
        Map<String, BigDecimal> net = new HashMap<>();
        Map<String, Long> perType = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT currency, SUM(signed_gross_amount) FROM presentation.fact_ticket_sale GROUP BY currency")) {
            while (rows.next()) {
                net.put(rows.getString(1), rows.getBigDecimal(2).setScale(2, RoundingMode.UNNECESSARY));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sale_type, COUNT(*) FROM presentation.fact_ticket_sale GROUP BY sale_type")) {
            while (rows.next()) {
                perType.put(rows.getString(1), rows.getLong(2));
            }
        }
        return new TopicFigures(net, perType, count("SELECT COUNT(*) FROM presentation.fact_ticket"));
    }

    /** Compares the warehouse with the topics, read up to the same watermark. */
    public static List<CheckResult> againstTheTopics(TopicFigures warehouse, TopicFigures topics) {
        return List.of(
                new CheckResult("net-gross-per-currency-equals-the-topic", warehouse.netGrossPerCurrency().equals(topics.netGrossPerCurrency()),
                        "warehouse " + warehouse.netGrossPerCurrency() + ", ticketing.ticket-sale.v1 " + topics.netGrossPerCurrency()),
                new CheckResult("facts-per-type-equal-the-topic", warehouse.factsPerType().equals(topics.factsPerType()),
                        "warehouse " + warehouse.factsPerType() + ", ticketing.ticket-sale.v1 " + topics.factsPerType()),
                new CheckResult("tickets-of-paid-orders-equal-the-topic", warehouse.ticketsOfPaidOrders() == topics.ticketsOfPaidOrders(),
                        "warehouse " + warehouse.ticketsOfPaidOrders() + ", ticketing.order.v1 " + topics.ticketsOfPaidOrders()));
    }

    /** A sale's customer/performance version against what the sale embedded (IS DISTINCT FROM: NULL equals NULL). */
    private static final String AS_OF_DISAGREEMENTS = """
            SELECT COUNT(*) FROM presentation.fact_ticket_sale f
            JOIN (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY sale_id ORDER BY kafka_partition, kafka_offset) AS occurrence
                  FROM staging.ticket_sale s) s ON s.sale_id = f.sale_id AND s.occurrence = 1
            LEFT JOIN presentation.dim_customer c ON c.customer_key = f.customer_key AND f.customer_key <> -1
            LEFT JOIN presentation.dim_performance p ON p.performance_key = f.performance_key AND f.performance_key <> -1
            WHERE (c.customer_key IS NOT NULL AND (c.email IS DISTINCT FROM s.customer_email
                      OR c.first_name IS DISTINCT FROM s.customer_first_name OR c.last_name IS DISTINCT FROM s.customer_last_name
                      OR c.country IS DISTINCT FROM s.customer_country OR c.city IS DISTINCT FROM s.customer_city
                      OR c.loyalty_tier IS DISTINCT FROM s.customer_loyalty_tier))
               OR (p.performance_key IS NOT NULL AND (p.attraction_id IS DISTINCT FROM s.performance_attraction_id
                      OR p.attraction_name IS DISTINCT FROM s.performance_attraction_name OR p.genre IS DISTINCT FROM s.performance_genre
                      OR p.venue_id IS DISTINCT FROM s.performance_venue_id OR p.venue_name IS DISTINCT FROM s.performance_venue_name
                      OR p.venue_city IS DISTINCT FROM s.performance_venue_city
                      OR p.venue_country IS DISTINCT FROM s.performance_venue_country
                      OR p.starts_at IS DISTINCT FROM s.performance_starts_at))
            """;

    private static String overlapping(String dimension, String naturalKey, String key) {
        return "SELECT COUNT(*) FROM " + dimension + " a JOIN " + dimension + " b ON a." + naturalKey + " = b." + naturalKey
                + " AND a." + key + " < b." + key + " AND a." + key + " <> -1"
                + " AND a.valid_from < b.valid_to AND b.valid_from < a.valid_to";
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** For callers that only want one figure, e.g. the local stack's status line. */
    public Optional<Long> countOf(String relation) {
        try {
            return Optional.of(count("SELECT COUNT(*) FROM " + relation));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
