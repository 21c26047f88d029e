package io.ticketstream.local.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketstream.warehouse.check.WarehouseChecks;
import io.ticketstream.warehouse.migrate.Migrations;
import liquibase.exception.LiquibaseException;

/**
 * The local warehouse (PostgreSQL database {@code warehouse}, the stand-in for Snowflake): the warehouse module's
 * model applied at start-up, as its owner (the login the landing connector writes as), before the connectors
 * start; and the star schema's row counts for the status line.
 */
public final class StarSchema {

    /** Relation -> the short name the status line gives it. */
    public static final Map<String, String> COUNTED = Map.of(
            "presentation.dim_customer", "customer",
            "presentation.dim_performance", "performance",
            "presentation.fact_ticket_sale", "sale",
            "presentation.fact_ticket", "ticket");
    private static final List<String> ORDER = List.of("presentation.dim_customer", "presentation.dim_performance",
            "presentation.fact_ticket_sale", "presentation.fact_ticket");
    private static final long COUNT_EVERY_MS = 10_000;

    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private Map<String, Long> lastCounts = Map.of();
    private long countedAt;

    public StarSchema(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Applies what the warehouse has not run yet; returns the changesets that ran (empty: up to date). */
    public List<String> apply() throws SQLException, LiquibaseException {
        try (Connection connection = connections.open()) {
            return new Migrations(Map.of()).apply(connection);
        }
    }

    /** A connection as the warehouse's owner; the caller closes it. */
    public Connection connect() throws SQLException {
        return connections.open();
    }

    /** Rows per star-schema relation ({@code -1}: not readable), recounted at most every 10 s: the views recompute. */
    public synchronized Map<String, Long> rowCounts() {
        if (System.currentTimeMillis() - countedAt < COUNT_EVERY_MS) {
            return lastCounts;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connections.open()) {
            WarehouseChecks warehouse = new WarehouseChecks(connection);
            ORDER.forEach(relation -> counts.put(relation, warehouse.countOf(relation).orElse(-1L)));
        } catch (SQLException e) {
            ORDER.forEach(relation -> counts.put(relation, -1L));
        }
        lastCounts = counts;
        countedAt = System.currentTimeMillis();
        return counts;
    }

    /** The status screen's one warehouse line: {@code star schema rows: customer 270  performance 48  sale ...}. */
    public static String statusLine(Map<String, Long> counts) {
        StringBuilder line = new StringBuilder("star schema rows:");
        counts.forEach((relation, n) -> line.append(' ').append(COUNTED.getOrDefault(relation, relation)).append(' ')
                .append(n < 0 ? "-" : String.format("%,d", n)).append(' '));
        return line.toString().stripTrailing();
    }
}
