package io.ticketstream.standin.cdc;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debezium's transaction boundary events ({@code provide.transaction.metadata=true}), the same for every connector:
 * key {@code {"id": <transaction id>}}, value {@code {status, id, event_count, data_collections, ts_ms}} on
 * {@code <topic.prefix>.transaction}; BEGIN has no counts, END counts the events per data collection.
 */
final class TransactionMarkers {

    private TransactionMarkers() {
    }

    static RawEvent begin(ObjectMapper json, String topic, String id, long commitTs) {
        ObjectNode value = json.createObjectNode().put("status", "BEGIN").put("id", id);
        value.putNull("event_count");
        value.putNull("data_collections");
        value.put("ts_ms", commitTs);
        return new RawEvent(topic, key(json, id), value.toString());
    }

    /** @param perCollection events per data collection ({@code ticketing.dbo.orders}, {@code catalog.venues}...) */
    static RawEvent end(ObjectMapper json, String topic, String id, long commitTs, Map<String, Integer> perCollection) {
        ObjectNode value = json.createObjectNode().put("status", "END").put("id", id)
                .put("event_count", perCollection.values().stream().mapToInt(Integer::intValue).sum());
        ArrayNode collections = value.putArray("data_collections");
        perCollection.forEach((collection, count) -> collections.addObject()
                .put("data_collection", collection).put("event_count", count));
        value.put("ts_ms", commitTs);
        return new RawEvent(topic, key(json, id), value.toString());
    }

    private static String key(ObjectMapper json, String id) {
        return json.createObjectNode().put("id", id).toString();
    }
}
