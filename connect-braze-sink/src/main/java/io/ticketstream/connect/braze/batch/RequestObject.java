package io.ticketstream.connect.braze.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.connect.braze.record.BrazeType;

/**
 * One element of a request array and the records it came from. Attribute updates of one user are merged
 * into one object (last write wins per top-level key), so an attribute object may stand for several records;
 * an error Braze reports on it is reported for all of them.
 */
public final class RequestObject {

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
            json.set(field.getKey(), field.getValue());
        }
        sources.add(later);
        // an upper bound: the merged object is never larger than the sum of its parts
        estimatedBytes += later.object().jsonBytes();
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
