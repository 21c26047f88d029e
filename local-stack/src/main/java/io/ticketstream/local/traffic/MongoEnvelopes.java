package io.ticketstream.local.traffic;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SIMULATED MongoDB change events (no MongoDB exists here), reproduced from Debezium 3.6's documented
 * envelope for the MongoDB connector: {@code after} is a STRING of Extended JSON; with the default
 * {@code capture.mode=change_streams_update_full} an update carries the full document in {@code after}
 * and the changed fields in {@code updateDescription.updatedFields}.
 */
final class MongoEnvelopes {

    private final ObjectMapper json;
    private final String topicPrefix;
    private int ord;

    MongoEnvelopes(ObjectMapper json, String topicPrefix) {
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    String topic() {
        return topicPrefix + ".crm.customers";
    }

    RawEvent upsert(String objectId, ObjectNode document, Map<String, Object> updatedFields, long commitTs) {
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
        ObjectNode source = value.putObject("source");
        source.put("version", SqlServerEnvelopes.VERSION).put("connector", "mongodb").put("name", topicPrefix)
                .put("ts_ms", commitTs).put("snapshot", "false").put("db", "crm").put("rs", "rs0")
                .put("collection", "customers").put("ord", ++ord);
        value.put("op", updatedFields == null ? "c" : "u").put("ts_ms", commitTs + 40);
        value.putNull("transaction");
        String key = json.createObjectNode().put("id", "{\"$oid\": \"" + objectId + "\"}").toString();
        return new RawEvent(topic(), key, value.toString());
    }
}
