package io.ticketstream.local.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the star-schema views ({@code dim_customer}, {@code dim_performance}, {@code fact_ticket_sale}) over the
 * tables the JDBC sink connectors create on their first record: until then there is nothing to select from, so
 * {@link #tryCreate()} is called again until it succeeds.
 */
public final class WarehouseViews {

    public static final List<String> TABLES = List.of("customer", "performance", "orders", "ticket_sale");
    public static final List<String> VIEWS = List.of("dim_customer", "dim_performance", "fact_ticket_sale");

    private static final Logger log = LoggerFactory.getLogger(WarehouseViews.class);

    private final ConnectionSource connections;
    private final String sql;
    private volatile boolean created;
    private String lastError = "";

    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public WarehouseViews(ConnectionSource connections, String sql) {
        this.connections = connections;
        this.sql = sql;
    }

    /** True once the views exist; otherwise tries (again) when the tables they read are all there. */
    public synchronized boolean tryCreate() {
        if (created) {
            return true;
        }
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String table : List.of("customer", "performance", "ticket_sale")) {
                if (!exists(statement, table)) {
                    return false;
                }
            }
            statement.execute(sql);
            created = true;
            log.info("Warehouse views created: {}", VIEWS);
        } catch (SQLException e) {
            if (!e.getMessage().equals(lastError)) {
                log.warn("Warehouse views not created yet: {}", e.getMessage());
                lastError = e.getMessage();
            }
        }
        return created;
    }

    /** Rows per view, or per table before the views exist ({@code -1}: not there yet). */
    public long count(String relation) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            if (!exists(statement, relation)) {
                return -1;
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + relation)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static boolean exists(Statement statement, String relation) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT to_regclass('public." + relation + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

}
