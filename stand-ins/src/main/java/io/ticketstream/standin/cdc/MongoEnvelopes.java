package io.ticketstream.standin.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SIMULATED MongoDB change events (no MongoDB exists here), reproduced from Debezium 3.6's documented
 * envelope for the MongoDB connector: {@code after} is a STRING of Extended JSON; with the default
 * {@code capture.mode=change_streams_update_full} an update carries the full document in {@code after}
 * and the changed fields in {@code updateDescription.updatedFields}; the key is {@code {"id": "<Extended JSON of _id>"}}.
 */
public final class MongoEnvelopes {

    private final ObjectMapper json;
    private final String topicPrefix;
    private int ord;

    public MongoEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    public String topic() {
        return topicPrefix + ".crm.customers";
    }

    /** An insert ({@code updatedFields == null}) or an update of the document with ObjectId {@code objectId}. */
    public RawEvent upsert(String objectId, ObjectNode document, Map<String, Object> updatedFields, long commitTs) {
        ObjectNode value = json.createObjectNode();
        value.putNull("before");
        value.put("after", document.toString());
        if (updatedFields == null) {
            value.putNull("updateDescription");
        } else {
            ObjectNode update = value.putObject("updateDescription");
            update.putNull("removedFields");
            update.put("updatedFields", json.valueToTree(updatedFields).toString());
            update.putNull("truncatedArrays");
        }
        return new RawEvent(topic(), key(objectId), finish(value, updatedFields == null ? "c" : "u", commitTs).toString());
    }

    /**
     * A delete: {@code before} and {@code after} are null (no pre-images configured), then a tombstone for the key,
     * as the connector writes with {@code tombstones.on.delete=true}.
     */
    public List<RawEvent> delete(String objectId, long commitTs) {
        ObjectNode value = json.createObjectNode();
        value.putNull("before");
        value.putNull("after");
        value.putNull("updateDescription");
        String key = key(objectId);
        List<RawEvent> events = new ArrayList<>(2);
        events.add(new RawEvent(topic(), key, finish(value, "d", commitTs).toString()));
        events.add(new RawEvent(topic(), key, null));
        return events;
    }

    private ObjectNode finish(ObjectNode value, String op, long commitTs) {
        ObjectNode source = value.putObject("source");
        source.put("version", SqlServerEnvelopes.VERSION).put("connector", "mongodb").put("name", topicPrefix)
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "crm").put("rs", "rs0")
                .put("collection", "customers").put("ord", ++ord);
        value.put("op", op).put("ts_ms", commitTs + 40);
        value.putNull("transaction");
        return value;
    }

    /** The record key the connector writes for a document: {@code {"id": "<Extended JSON of _id>"}}. */
    public String key(String objectId) {
        return json.createObjectNode().put("id", "{\"$oid\": \"" + objectId + "\"}").toString();
    }
}
