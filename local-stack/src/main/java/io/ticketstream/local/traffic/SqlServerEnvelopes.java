package io.ticketstream.local.traffic;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SIMULATED SQL Server change events (no SQL Server exists here), reproduced from Debezium 3.6's documented
 * envelope for the SQL Server connector with the settings shipped in connectors/: {@code decimal.handling.mode=string}
 * and {@code time.precision.mode=connect} (datetime2 as epoch milliseconds). Each table has its own
 * LSN sequence so that {@code change_lsn}/{@code commit_lsn} look like the real ones.
 */
final class SqlServerEnvelopes {

    static final String VERSION = "3.6.1.Final";

    private final ObjectMapper json;
    private final String topicPrefix;
    private long lsn = 0x27_0000_0ac0L;

    SqlServerEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    String topic(String table) {
        return topicPrefix + ".ticketing.dbo." + table;
    }

    RawEvent create(String table, String keyField, long key, Map<String, Object> after, long commitTs) {
        return event(table, keyField, key, "c", null, after, commitTs);
    }

    RawEvent update(String table, String keyField, long key, Map<String, Object> before, Map<String, Object> after, long commitTs) {
        return event(table, keyField, key, "u", before, after, commitTs);
    }

    private RawEvent event(String table, String keyField, long key, String op,
                           Map<String, Object> before, Map<String, Object> after, long commitTs) {
        ObjectNode keyNode = json.createObjectNode().put(keyField, key);
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
