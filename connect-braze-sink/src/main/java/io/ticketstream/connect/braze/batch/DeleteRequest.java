package io.ticketstream.connect.braze.batch;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.connect.braze.http.Json;
import io.ticketstream.connect.braze.pacing.Endpoint;
import io.ticketstream.connect.braze.record.ConnectJson;

/** A /users/delete request: {"external_ids":[…]}, at most {@link #MAX_IDS} (Braze's documented limit). */
public final class DeleteRequest implements BrazeRequest {

    public static final int MAX_IDS = 50;

    private final List<PendingRecord> deletions;

    public DeleteRequest(List<PendingRecord> deletions) {
        this.deletions = List.copyOf(deletions);
    }

    @Override
    public String path() {
        return Endpoint.USER_DELETE.path();
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.USER_DELETE;
    }

    @Override
    public byte[] body() {
        ObjectNode root = ConnectJson.NODES.objectNode();
        ArrayNode ids = root.putArray("external_ids");
        deletions.forEach(d -> ids.add(d.object().user().value()));
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int objectCount() {
        return deletions.size();
    }

    @Override
    public List<PendingRecord> records() {
        return deletions;
    }

    @Override
    public List<BrazeRequest> split() {
        int half = deletions.size() / 2;
        return List.of(new DeleteRequest(deletions.subList(0, half)),
                new DeleteRequest(deletions.subList(half, deletions.size())));
    }

    @Override
    public List<PendingRecord> recordsAt(String inputArray, int index) {
        return Collections.emptyList(); // Braze documents no per-object errors for this endpoint
    }

    @Override
    public BrazeRequest without(Set<TopicPartition> revoked) {
        List<PendingRecord> kept = deletions.stream().filter(r -> !revoked.contains(r.partition())).toList();
        if (kept.size() == deletions.size()) {
            return this;
        }
        return kept.isEmpty() ? null : new DeleteRequest(kept);
    }
}
