package io.ticketstream.warehouse.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes landing rows exactly as the local landing connector does (record key, delete marker, Kafka coordinates,
 * typed fields, nested values as JSON text), one call per Kafka record, with the next offset of its partition.
 */
final class Landing {

    private final Connection connection;
    private final Map<String, Long> nextOffset = new LinkedHashMap<>();

    Landing(Connection connection) {
        this.connection = connection;
    }

    /** A record of {@code topic} partition {@code partition}; {@code fields} null for a tombstone. Returns its offset. */
    long record(String table, String topic, int partition, String key, Instant timestamp, Map<String, Object> fields) throws SQLException {
        long offset = nextOffset.merge(topic + "/" + partition, 1L, Long::sum) - 1;
        insert(table, topic, partition, offset, key, timestamp, fields);
        return offset;
    }

    /** The same record once more (the connector is at-least-once): same coordinates, same content. */
    void insert(String table, String topic, int partition, long offset, String key, Instant timestamp,
                Map<String, Object> fields) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("record_key", "record_deleted", "kafka_topic", "kafka_partition",
                "kafka_offset", "kafka_timestamp"));
        List<Object> values = new ArrayList<>(Arrays.asList(key, fields == null, topic, partition, offset, utc(timestamp)));
        if (fields != null) {
            fields.forEach((column, value) -> {
                columns.add(column);
                values.add(value instanceof Instant instant ? utc(instant) : value);
            });
        }
        String sql = "INSERT INTO canonical." + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.executeUpdate();
        }
    }

    /** Times land as UTC timestamps without a zone (the sink's database.time_zone=UTC), whatever the JVM's zone. */
    static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }
}
