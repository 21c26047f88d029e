package io.ticketstream.standin.cdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>Each event is its own transaction with {@code transaction: null}, unless {@link #beginTransaction} opened one:
 * then, as with the shipped {@code provide.transaction.metadata=true}, the events share the transaction's
 * {@code commit_lsn} and carry {@code transaction{id,total_order,data_collection_order}}, and BEGIN/END markers are
 * built for {@link #transactionTopic()}.
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
    private Transaction open;

    public SqlServerEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    /** {@code <topic.prefix>.<database>.<schema>.<table>}, as the connector names its topics. */
    public String topic(String table) {
        return topicPrefix + ".ticketing.dbo." + table;
    }

    /** {@code <topic.prefix>.transaction}: where the connector writes BEGIN/END markers. */
    public String transactionTopic() {
        return topicPrefix + ".transaction";
    }

    /**
     * Opens a source transaction committed at {@code commitTs}: until {@link #endTransaction()}, every event built
     * shares its commit LSN (also its id, as the SQL Server connector names transactions) and its commit time.
     *
     * @return the BEGIN marker, key {@code {"id": <commit LSN>}}
     */
    public RawEvent beginTransaction(long commitTs) {
        if (open != null) {
            throw new IllegalStateException("transaction " + open.id + " is still open");
        }
        lsn += 16;
        open = new Transaction(lsnText(lsn, COMMIT_SLOT), lsn, commitTs);
        return TransactionMarkers.begin(json, transactionTopic(), open.id, commitTs);
    }

    /**
     * Closes the open transaction. The real connector can only write END once it sees the next transaction's
     * first event (SQL Server's change tables have no commit event): a caller that models timing sends it then.
     *
     * @return the END marker with the per-table event counts
     */
    public RawEvent endTransaction() {
        if (open == null) {
            throw new IllegalStateException("no open transaction");
        }
        Transaction done = open;
        open = null;
        return TransactionMarkers.end(json, transactionTopic(), done.id, done.commitTs, done.perCollection);
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
        String changeLsn;
        String commitLsn;
        if (open == null) {
            lsn += 16;
            changeLsn = lsnText(lsn, 2);
            commitLsn = changeLsn;
        } else {
            if (commitTs != open.commitTs) {
                throw new IllegalArgumentException("transaction " + open.id + " commits at " + open.commitTs + ", not " + commitTs);
            }
            changeLsn = lsnText(open.lsn, 2 + open.total);
            commitLsn = open.id;
        }
        ObjectNode source = value.putObject("source");
        source.put("version", VERSION).put("connector", "sqlserver").put("name", topicPrefix)
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "ticketing").put("schema", "dbo")
                .put("table", table).put("change_lsn", changeLsn).put("commit_lsn", commitLsn).put("event_serial_no", "1");
        value.put("op", op).put("ts_ms", commitTs + 40);
        if (open == null) {
            value.putNull("transaction");
        } else {
            open.total++;
            int inTable = open.perCollection.merge("ticketing.dbo." + table, 1, Integer::sum);
            value.putObject("transaction").put("id", open.id).put("total_order", open.total)
                    .put("data_collection_order", inTable);
        }
        return new RawEvent(topic(table), keyNode.toString(), value.toString());
    }

    /** A commit record's slot: after every change of its transaction (a transaction here has far fewer changes). */
    private static final int COMMIT_SLOT = 0x0fff;

    private static String lsnText(long lsn, int slot) {
        return String.format("%08x:%08x:%04x", lsn >>> 32, lsn & 0xffffffffL, slot);
    }

    /** The transaction events are currently added to. */
    private static final class Transaction {
        final String id;
        final long lsn;
        final long commitTs;
        final Map<String, Integer> perCollection = new LinkedHashMap<>();
        int total;

        Transaction(String id, long lsn, long commitTs) {
            this.id = id;
            this.lsn = lsn;
            this.commitTs = commitTs;
        }
    }
}
