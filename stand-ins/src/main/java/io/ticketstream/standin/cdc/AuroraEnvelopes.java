package io.ticketstream.standin.cdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debezium PostgreSQL change events for the Aurora catalogue, in the format captured from Debezium 3.6.1 with
 * pgoutput on a real PostgreSQL 15 (streams-app's {@code fixtures/postgres/}) and the shipped connector settings:
 * JSON without embedded schemas, {@code timestamptz} as ISO-8601 strings, default replica identity (an update has
 * {@code before: null}; a delete's {@code before} holds the key columns, nullable columns null and NOT NULL ones
 * type placeholders such as {@code 0} and {@code ""}), {@code tombstones.on.delete=true}.
 *
 * <p>For tests that need many catalogue changes at chosen commit times without a database; where a real
 * PostgreSQL can run, capture real events instead. As with {@link SqlServerEnvelopes}, events are their own
 * transaction with {@code transaction: null} unless {@link #beginTransaction} opened one
 * ({@code provide.transaction.metadata=true}: {@code transaction.id} is {@code <txId>:<lsn>} with the event's own
 * LSN, so only {@code source.txId} groups a transaction's events).
 */
public final class AuroraEnvelopes {

    private final ObjectMapper json;
    private final String topicPrefix;
    private long lsn = 26_504_648L;
    private long txId = 736;
    private Transaction open;

    public AuroraEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    /** {@code <topic.prefix>.<schema>.<table>}, schema {@code catalog}. */
    public String topic(String table) {
        return topicPrefix + ".catalog." + table;
    }

    /** {@code <topic.prefix>.transaction}: where the connector writes BEGIN/END markers. */
    public String transactionTopic() {
        return topicPrefix + ".transaction";
    }

    /** Opens a transaction committed at {@code commitTs}; returns its BEGIN marker. */
    public RawEvent beginTransaction(long commitTs) {
        if (open != null) {
            throw new IllegalStateException("transaction " + open.txId + " is still open");
        }
        open = new Transaction(++txId, commitTs);
        return TransactionMarkers.begin(json, transactionTopic(), open.txId + ":" + lsn, commitTs);
    }

    /** Closes the open transaction; returns its END marker (PostgreSQL reports the commit, so it comes at once). */
    public RawEvent endTransaction() {
        if (open == null) {
            throw new IllegalStateException("no open transaction");
        }
        Transaction done = open;
        open = null;
        lsn += 224;
        return TransactionMarkers.end(json, transactionTopic(), done.txId + ":" + lsn, done.commitTs, done.perTable);
    }

    public RawEvent create(String table, String keyField, long key, Map<String, Object> after, long commitTs) {
        return event(table, keyField, key, "c", null, after, commitTs);
    }

    /** An update: with the default replica identity {@code before} is null. */
    public RawEvent update(String table, String keyField, long key, Map<String, Object> after, long commitTs) {
        return event(table, keyField, key, "u", null, after, commitTs);
    }

    /**
     * A delete, then its tombstone. {@code keyOnlyBefore} is the before image as the default replica identity sends
     * it: the key column, null for nullable columns, a type placeholder for NOT NULL ones.
     */
    public List<RawEvent> delete(String table, String keyField, long key, Map<String, Object> keyOnlyBefore, long commitTs) {
        List<RawEvent> events = new ArrayList<>(2);
        RawEvent delete = event(table, keyField, key, "d", keyOnlyBefore, null, commitTs);
        events.add(delete);
        events.add(new RawEvent(delete.topic(), delete.key(), null));
        return events;
    }

    private RawEvent event(String table, String keyField, long key, String op, Map<String, Object> before,
                           Map<String, Object> after, long commitTs) {
        lsn += 168;
        long eventTxId;
        if (open == null) {
            eventTxId = ++txId;
        } else {
            if (commitTs != open.commitTs) {
                throw new IllegalArgumentException("transaction " + open.txId + " commits at " + open.commitTs + ", not " + commitTs);
            }
            eventTxId = open.txId;
        }
        ObjectNode value = json.createObjectNode();
        value.set("before", before == null ? null : json.valueToTree(before));
        value.set("after", after == null ? null : json.valueToTree(after));
        ObjectNode source = value.putObject("source");
        source.put("version", SqlServerEnvelopes.VERSION).put("connector", "postgresql").put("name", topicPrefix)
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "catalog")
                .put("sequence", "[\"" + lsn + "\",\"" + lsn + "\"]")
                .put("ts_us", commitTs * 1_000).put("ts_ns", commitTs * 1_000_000)
                .put("schema", "catalog").put("table", table).put("txId", eventTxId).put("lsn", lsn);
        source.putNull("xmin");
        source.putNull("origin");
        source.putNull("origin_lsn");
        if (open == null) {
            value.putNull("transaction");
        } else {
            open.total++;
            int inTable = open.perTable.merge("catalog." + table, 1, Integer::sum);
            value.putObject("transaction").put("id", open.txId + ":" + lsn).put("total_order", open.total)
                    .put("data_collection_order", inTable);
        }
        long seenAt = commitTs + 40;
        value.put("op", op).put("ts_ms", seenAt).put("ts_us", seenAt * 1_000).put("ts_ns", seenAt * 1_000_000);
        return new RawEvent(topic(table), json.createObjectNode().put(keyField, key).toString(), value.toString());
    }

    /** The transaction events are currently added to. */
    private static final class Transaction {
        final long txId;
        final long commitTs;
        final Map<String, Integer> perTable = new LinkedHashMap<>();
        int total;

        Transaction(long txId, long commitTs) {
            this.txId = txId;
            this.commitTs = commitTs;
        }
    }
}
