package io.ticketstream.local.traffic;

import io.ticketstream.standin.cdc.AuroraCatalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real rows in the local PostgreSQL catalogue (the Aurora stand-in): Debezium captures these changes for
 * real, unlike the SQL Server and MongoDB traffic, which is simulated.
 */
final class CatalogDatabase {

    private final Connection connection;

    CatalogDatabase(Connection connection) {
        this.connection = connection;
    }

    void createSchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(AuroraCatalog.ddl());
        }
    }

    long maxId(String table, String idColumn) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(" + idColumn + "), 0) FROM catalog." + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<Long> performanceIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT performance_id FROM catalog.performances ORDER BY 1")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    void insertAttraction(long id, String name, String genre, String promoter) throws SQLException {
        update("INSERT INTO catalog.attractions VALUES (?, ?, ?, ?)", id, name, genre, promoter);
    }

    void insertVenue(long id, String name, String city, String country, String timezone, int capacity) throws SQLException {
        update("INSERT INTO catalog.venues VALUES (?, ?, ?, ?, ?, ?)", id, name, city, country, timezone, capacity);
    }

    void insertPerformance(long id, long attractionId, long venueId, Instant startsAt, Instant onSaleAt) throws SQLException {
        update("INSERT INTO catalog.performances VALUES (?, ?, ?, ?, ?, 'ON_SALE')",
                id, attractionId, venueId, Timestamp.from(startsAt), Timestamp.from(onSaleAt));
    }

    void renameVenue(long id, String name) throws SQLException {
        update("UPDATE catalog.venues SET name = ? WHERE venue_id = ?", name, id);
    }

    void setPerformanceStatus(long id, String status) throws SQLException {
        update("UPDATE catalog.performances SET status = ? WHERE performance_id = ?", status, id);
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
