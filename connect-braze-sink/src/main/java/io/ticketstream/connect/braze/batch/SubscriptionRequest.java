package io.ticketstream.connect.braze.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.connect.braze.http.Json;
import io.ticketstream.connect.braze.pacing.Endpoint;
import io.ticketstream.connect.braze.record.BrazeObject.SubscriptionChange;
import io.ticketstream.connect.braze.record.ConnectJson;

/**
 * A /v2/subscription/status/set request: changes grouped into entries by group, state and id kind
 * (external_ids, emails and phones never share an entry), at most {@code maxIdsPerEntry} ids an entry.
 */
public final class SubscriptionRequest implements BrazeRequest {

    private final List<PendingRecord> changes;
    private final int maxIdsPerEntry;

    public SubscriptionRequest(List<PendingRecord> changes, int maxIdsPerEntry) {
        this.changes = List.copyOf(changes);
        this.maxIdsPerEntry = maxIdsPerEntry;
    }

    /** Entries needed for these changes: used by the batch builder to respect the entries-per-request cap. */
    public static int entriesFor(Map<String, Integer> idsPerGroupKey, int maxIdsPerEntry) {
        int entries = 0;
        for (int ids : idsPerGroupKey.values()) {
            entries += (ids + maxIdsPerEntry - 1) / maxIdsPerEntry;
        }
        return entries;
    }

    public static String groupKey(SubscriptionChange change) {
        return change.groupId() + '\u0000' + change.state() + '\u0000' + change.idKind();
    }

    @Override
    public String path() {
        return Endpoint.SUBSCRIPTION.path();
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.SUBSCRIPTION;
    }

    @Override
    public byte[] body() {
        Map<String, List<SubscriptionChange>> groups = new LinkedHashMap<>();
        for (PendingRecord record : changes) {
            SubscriptionChange change = record.object().subscription();
            groups.computeIfAbsent(groupKey(change), k -> new ArrayList<>()).add(change);
        }
        ObjectNode root = ConnectJson.NODES.objectNode();
        ArrayNode entries = root.putArray("subscription_groups");
        for (List<SubscriptionChange> group : groups.values()) {
            for (int from = 0; from < group.size(); from += maxIdsPerEntry) {
                List<SubscriptionChange> slice = group.subList(from, Math.min(group.size(), from + maxIdsPerEntry));
                SubscriptionChange first = slice.get(0);
                ObjectNode entry = entries.addObject();
                entry.put("subscription_group_id", first.groupId());
                entry.put("subscription_state", first.state());
                ArrayNode ids = entry.putArray(arrayName(first.idKind()));
                slice.forEach(c -> ids.add(c.idValue()));
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String arrayName(String idKind) {
        return switch (idKind) {
            case "external_id" -> "external_ids";
            case "email" -> "emails";
            case "phone" -> "phones";
            default -> throw new IllegalStateException("subscription id kind " + idKind);
        };
    }

    @Override
    public int objectCount() {
        return changes.size();
    }

    @Override
    public List<PendingRecord> records() {
        return changes;
    }

    @Override
    public List<BrazeRequest> split() {
        int half = changes.size() / 2;
        return List.of(new SubscriptionRequest(changes.subList(0, half), maxIdsPerEntry),
                new SubscriptionRequest(changes.subList(half, changes.size()), maxIdsPerEntry));
    }

    @Override
    public BrazeRequest without(java.util.Set<org.apache.kafka.common.TopicPartition> revoked) {
        List<PendingRecord> kept = changes.stream().filter(r -> !revoked.contains(r.partition())).toList();
        if (kept.size() == changes.size()) {
            return this;
        }
        return kept.isEmpty() ? null : new SubscriptionRequest(kept, maxIdsPerEntry);
    }

    /** Braze documents no per-object errors for this endpoint. */
    @Override
    public List<PendingRecord> recordsAt(String inputArray, int index) {
        return Collections.emptyList();
    }
}
