package io.ticketstream.connect.braze.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.braze.contract.BrazeType;

/**
 * One element of a request array and the records it came from. Attribute updates of one user are merged
 * into one object (last write wins per top-level key), so an attribute object may stand for several records;
 * an error Braze reports on it is reported for all of them.
 *
 * <p>{@code subscription_groups} is the exception: it is a list of independent changes, one per group, so
 * the lists are merged by {@code subscription_group_id} (the later state of a group wins). Replacing the whole
 * list would silently drop the earlier record's change of another group.
 */
public final class RequestObject {

    private static final String SUBSCRIPTION_GROUPS = "subscription_groups";
    private static final String SUBSCRIPTION_GROUP_ID = "subscription_group_id";

    private final BrazeType type;
    private final ObjectNode json;
    private final List<PendingRecord> sources = new ArrayList<>(1);
    private int estimatedBytes;

    public RequestObject(PendingRecord first) {
        this.type = first.object().type();
        this.json = first.object().json() == null ? null : first.object().json().deepCopy();
        this.sources.add(first);
        this.estimatedBytes = first.object().jsonBytes();
    }

    /** Merges a later attribute update of the same user into this object. */
    public void merge(PendingRecord later) {
        if (type != BrazeType.ATTRIBUTES || later.object().type() != BrazeType.ATTRIBUTES) {
            throw new IllegalStateException("only attribute updates merge");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = later.object().json().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (SUBSCRIPTION_GROUPS.equals(field.getKey()) && json.get(SUBSCRIPTION_GROUPS) instanceof ArrayNode earlier
                    && field.getValue() instanceof ArrayNode laterGroups) {
                json.set(SUBSCRIPTION_GROUPS, mergeByGroupId(earlier, laterGroups));
            } else {
                json.set(field.getKey(), field.getValue());
            }
        }
        sources.add(later);
        // an upper bound: the merged object is never larger than the sum of its parts
        estimatedBytes += later.object().jsonBytes();
    }

    private static ArrayNode mergeByGroupId(ArrayNode earlier, ArrayNode later) {
        Map<String, JsonNode> byGroup = new LinkedHashMap<>();
        List<JsonNode> withoutId = new ArrayList<>();
        for (ArrayNode list : List.of(earlier, later)) {
            for (JsonNode change : list) {
                JsonNode id = change.get(SUBSCRIPTION_GROUP_ID);
                if (id == null || !id.isTextual()) {
                    withoutId.add(change); // not ours to interpret: Braze reports it, we keep it
                } else {
                    byGroup.remove(id.asText()); // re-insert so the list order follows the latest change
                    byGroup.put(id.asText(), change);
                }
            }
        }
        ArrayNode merged = earlier.arrayNode();
        withoutId.forEach(merged::add);
        byGroup.values().forEach(merged::add);
        return merged;
    }

    public BrazeType type() {
        return type;
    }

    public ObjectNode json() {
        return json;
    }

    public List<PendingRecord> sources() {
        return sources;
    }

    public int estimatedBytes() {
        return estimatedBytes;
    }
}
