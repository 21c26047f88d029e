package io.ticketstream.it.capture;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the capture does to the catalogue database: the rows present before Debezium starts (captured by its
 * snapshot) and the changes made while it streams, each change one transaction with a label saying which fixture
 * file its events belong in ({@code <table>.<op>}). Labels are keyed by transaction id, so the events Debezium
 * produces are filed by what really caused them, not by guessing from their order.
 */
final class CatalogChanges {

    /** Rows the snapshot reads: 2 attractions, 2 venues, 3 performances. */
    static final List<String> SNAPSHOT_ROWS = List.of(
            "INSERT INTO catalog.attractions VALUES (1, 'Hamilton', 'musical', 'Broadway Across'),"
                    + " (2, 'The Mousetrap', 'play', 'Mousetrap Productions')",
            "INSERT INTO catalog.venues VALUES (10, 'Victoria Palace Theatre', 'London', 'GB', 'Europe/London', 1517),"
                    + " (11, 'St Martin''s Theatre', 'London', 'GB', 'Europe/London', 550)",
            "INSERT INTO catalog.performances VALUES"
                    + " (100, 1, 10, '2027-03-01 19:30:00+00', '2026-10-01 09:00:00+00', 'ON_SALE'),"
                    + " (101, 2, 11, '2027-03-02 19:00:00+00', '2026-10-01 09:00:00+00', 'ON_SALE'),"
                    + " (102, 1, 10, '2027-03-03 14:30:00+00', '2026-10-01 09:00:00+00', 'ON_SALE')");

    /** One streamed change: the fixture it belongs to and its statements (one transaction). */
    record Change(String fixture, List<String> statements) {
    }

    static final List<Change> STREAMED = List.of(
            new Change("attractions.insert", List.of(
                    "INSERT INTO catalog.attractions VALUES (3, 'Les Misérables', 'musical', 'Cameron Mackintosh')")),
            new Change("venues.insert", List.of(
                    "INSERT INTO catalog.venues VALUES (12, 'Sondheim Theatre', 'London', 'GB', 'Europe/London', 1074)")),
            // two rows in one transaction; a non-UTC offset (arrives as UTC) and a NULL on_sale_at
            new Change("performances.insert", List.of(
                    "INSERT INTO catalog.performances VALUES"
                            + " (103, 3, 12, '2027-04-10 19:30:00+01', '2026-11-01 10:00:00+00', 'ON_SALE'),"
                            + " (104, 3, 12, '2027-04-11 14:30:00+01', NULL, 'ON_SALE')")),
            new Change("performances.update", List.of(
                    "UPDATE catalog.performances SET status = 'SOLD_OUT' WHERE performance_id = 100")),
            // dimension changes: a performance's venue and attraction change after sales started
            new Change("venues.update", List.of(
                    "UPDATE catalog.venues SET name = 'Victoria Palace', capacity = 1550 WHERE venue_id = 10")),
            new Change("attractions.update", List.of(
                    "UPDATE catalog.attractions SET genre = 'thriller' WHERE attraction_id = 2")),
            new Change("performances.delete", List.of(
                    "DELETE FROM catalog.performances WHERE performance_id = 101")),
            // a primary-key change: Debezium emits d (old key), tombstone (old key), c (new key)
            new Change("performances.key-change", List.of(
                    "UPDATE catalog.performances SET performance_id = 200 WHERE performance_id = 102")),
            new Change("attractions.delete", List.of(
                    "DELETE FROM catalog.attractions WHERE attraction_id = 2")),
            new Change("venues.delete", List.of(
                    "DELETE FROM catalog.venues WHERE venue_id = 11")));

    /** Records each table's topic receives: snapshot reads, streamed events, tombstones. */
    static final Map<String, Integer> EXPECTED_RECORDS = Map.of(
            "aurora.catalog.attractions", 2 + 1 + 1 + 2,
            "aurora.catalog.venues", 2 + 1 + 1 + 2,
            "aurora.catalog.performances", 3 + 2 + 1 + 2 + 3);

    private CatalogChanges() {
    }

    /** Applies every streamed change, one transaction each; returns transaction id to fixture label. */
    static Map<Long, String> applyStreamed(Connection connection) throws SQLException {
        Map<Long, String> labels = new LinkedHashMap<>();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Change change : STREAMED) {
                long txId;
                try (ResultSet rows = statement.executeQuery("SELECT txid_current()")) {
                    rows.next();
                    txId = rows.getLong(1);
                }
                for (String sql : change.statements()) {
                    statement.execute(sql);
                }
                connection.commit();
                labels.put(txId, change.fixture());
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return labels;
    }
}
