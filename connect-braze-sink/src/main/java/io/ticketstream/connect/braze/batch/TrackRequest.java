package io.ticketstream.connect.braze.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.connect.braze.http.Json;
import io.ticketstream.connect.braze.pacing.Endpoint;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.braze.record.ConnectJson;

/** A /users/track request: {"attributes":[…],"events":[…],"purchases":[…]} (empty arrays left out). */
public final class TrackRequest implements BrazeRequest {

    private final List<RequestObject> attributes;
    private final List<RequestObject> events;
    private final List<RequestObject> purchases;

    public TrackRequest(List<RequestObject> attributes, List<RequestObject> events, List<RequestObject> purchases) {
        this.attributes = List.copyOf(attributes);
        this.events = List.copyOf(events);
        this.purchases = List.copyOf(purchases);
    }

    /** All objects in array order (attributes, events, purchases): the order Braze applies them in. */
    public List<RequestObject> objects() {
        List<RequestObject> all = new ArrayList<>(objectCount());
        all.addAll(attributes);
        all.addAll(events);
        all.addAll(purchases);
        return all;
    }

    public List<RequestObject> attributes() {
        return attributes;
    }

    public List<RequestObject> events() {
        return events;
    }

    public List<RequestObject> purchases() {
        return purchases;
    }

    @Override
    public String path() {
        return Endpoint.TRACK.path();
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.TRACK;
    }

    @Override
    public byte[] body() {
        ObjectNode root = ConnectJson.NODES.objectNode();
        addArray(root, "attributes", attributes);
        addArray(root, "events", events);
        addArray(root, "purchases", purchases);
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("objects were serializable when parsed", e);
        }
    }

    private static void addArray(ObjectNode root, String name, List<RequestObject> objects) {
        if (!objects.isEmpty()) {
            ArrayNode array = root.putArray(name);
            objects.forEach(o -> array.add(o.json()));
        }
    }

    @Override
    public int objectCount() {
        return attributes.size() + events.size() + purchases.size();
    }

    @Override
    public List<PendingRecord> records() {
        List<PendingRecord> records = new ArrayList<>();
        for (RequestObject object : objects()) {
            records.addAll(object.sources());
        }
        return records;
    }

    @Override
    public List<BrazeRequest> split() {
        List<RequestObject> all = objects();
        int half = all.size() / 2;
        return List.of(of(all.subList(0, half)), of(all.subList(half, all.size())));
    }

    private static TrackRequest of(List<RequestObject> objects) {
        List<RequestObject> a = new ArrayList<>();
        List<RequestObject> e = new ArrayList<>();
        List<RequestObject> p = new ArrayList<>();
        for (RequestObject o : objects) {
            (o.type() == BrazeType.ATTRIBUTES ? a : o.type() == BrazeType.EVENT ? e : p).add(o);
        }
        return new TrackRequest(a, e, p);
    }

    @Override
    public BrazeRequest without(java.util.Set<org.apache.kafka.common.TopicPartition> revoked) {
        List<PendingRecord> all = records();
        List<PendingRecord> kept = all.stream().filter(r -> !revoked.contains(r.partition())).toList();
        if (kept.size() == all.size()) {
            return this;
        }
        return kept.isEmpty() ? null : RecordBuffer.trackRequestOf(kept);
    }

    @Override
    public List<PendingRecord> recordsAt(String inputArray, int index) {
        BrazeType type = BrazeType.fromTrackArray(inputArray);
        if (type == null) {
            return Collections.emptyList();
        }
        List<RequestObject> array = type == BrazeType.ATTRIBUTES ? attributes : type == BrazeType.EVENT ? events : purchases;
        return index >= 0 && index < array.size() ? array.get(index).sources() : Collections.emptyList();
    }
}
