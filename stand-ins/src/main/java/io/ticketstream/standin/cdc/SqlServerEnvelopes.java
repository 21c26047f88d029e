package io.ticketstream.standin.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SIMULATED SQL Server change events (no SQL Server exists here), reproduced from Debezium 3.6's documented
 * envelope for the SQL Server connector with the settings shipped in connectors/: {@code decimal.handling.mode=string}
 * and {@code time.precision.mode=connect} (datetime2 as epoch milliseconds), JSON without embedded schemas.
 * One LSN sequence per instance, so that {@code change_lsn}/{@code commit_lsn} grow like the real ones. Record keys
 * follow the shipped {@code message.key.columns}: every table of the order is keyed {@code {"order_id": N}}.
 *
 * <pre>{@code
 * SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(new ObjectMapper(), "sqlserver");
 * RawEvent created = sqlServer.create("orders", Map.of("order_id", 7, ...), commitTs);
 * }</pre>
 */
public final class SqlServerEnvelopes {

    public static final String VERSION = "3.6.1.Final";

    /**
     * The record key's column per table: orders by their primary key, tickets and payments by order_id as
     * {@code message.key.columns} in connectors/base/sqlserver-ticketing.json makes them (co-partitioned by order).
     */
    public static final Map<String, String> KEY_COLUMN = Map.of("orders", "order_id", "tickets", "order_id",
            "payments", "order_id");

    private final ObjectMapper json;
    private final String topicPrefix;
    private long lsn = 0x27_0000_0ac0L;

    public SqlServerEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    /** {@code <topic.prefix>.<database>.<schema>.<table>}, as the connector names its topics. */
    public String topic(String table) {
        return topicPrefix + ".ticketing.dbo." + table;
    }

    public RawEvent create(String table, Map<String, Object> after, long commitTs) {
        return event(table, "c", null, after, commitTs);
    }

    public RawEvent update(String table, Map<String, Object> before, Map<String, Object> after, long commitTs) {
        return event(table, "u", before, after, commitTs);
    }

    /**
     * A delete as the connector writes it with the shipped {@code tombstones.on.delete=true}: the {@code d} event
     * (the whole row in {@code before}; SQL Server CDC captures every column), then a tombstone for the same key.
     */
    public List<RawEvent> delete(String table, Map<String, Object> before, long commitTs) {
        List<RawEvent> events = new ArrayList<>(2);
        RawEvent delete = event(table, "d", before, null, commitTs);
        events.add(delete);
        events.add(new RawEvent(delete.topic(), delete.key(), null));
        return events;
    }

    private RawEvent event(String table, String op, Map<String, Object> before, Map<String, Object> after, long commitTs) {
        String keyColumn = KEY_COLUMN.get(table);
        if (keyColumn == null) {
            throw new IllegalArgumentException("no key column for table " + table + " (known: " + KEY_COLUMN.keySet() + ")");
        }
        Object key = (after != null ? after : before).get(keyColumn);
        ObjectNode keyNode = json.createObjectNode().set(keyColumn, json.valueToTree(key));
        ObjectNode value = json.createObjectNode();
        value.set("before", before == null ? null : json.valueToTree(before));
        value.set("after", after == null ? null : json.valueToTree(after));
        lsn += 16;
        String lsnText = String.format("%08x:%08x:%04x", lsn >>> 32, lsn & 0xffffffffL, 2);
        ObjectNode source = value.putObject("source");
        source.put("version", VERSION).put("connector", "sqlserver").put("name", topicPrefix)
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "ticketing").put("schema", "dbo")
                .put("table", table).put("change_lsn", lsnText).put("commit_lsn", lsnText).put("event_serial_no", "1");
        value.put("op", op).put("ts_ms", commitTs + 40);
        value.putNull("transaction");
        return new RawEvent(topic(table), keyNode.toString(), value.toString());
    }
}
