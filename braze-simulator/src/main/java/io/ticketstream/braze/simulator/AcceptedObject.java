package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One object the Braze simulator (a stand-in, not Braze) applied.
 *
 * <p>Stored compactly: the object is kept as its serialized JSON bytes (benchmarks record
 * hundreds of thousands of them) and parsed again on each call to {@link #json()} or
 * {@link #asMap()}.
 */
public final class AcceptedObject {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() { };

    private final ObjectType type;
    private final UserId user;
    private final byte[] json;
    private final long requestSequence;
    private final int index;
    private final Instant appliedAt;

    AcceptedObject(ObjectType type, UserId user, byte[] json, long requestSequence, int index, Instant appliedAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.user = Objects.requireNonNull(user, "user");
        this.json = Objects.requireNonNull(json, "json");
        this.requestSequence = requestSequence;
        this.index = index;
        this.appliedAt = Objects.requireNonNull(appliedAt, "appliedAt");
    }

    public ObjectType type() {
        return type;
    }

    /** The user the object named. */
    public UserId user() {
        return user;
    }

    /** A fresh parse of the object exactly as it arrived (for SUBSCRIPTION: group id, state, and the one id). */
    public JsonNode json() {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored object is not JSON (simulator bug)", e);
        }
    }

    /** The object as a mutable map (a fresh copy on each call). */
    public Map<String, Object> asMap() {
        try {
            return MAPPER.readValue(json, MAP_TYPE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored object is not a JSON object (simulator bug)", e);
        }
    }

    /** The object's JSON text. */
    public String rawJson() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /**
     * The sequence number of the HTTP request that carried it: 1 for the first request to a Braze
     * endpoint after {@link BrazeSimulator#start()} or {@link BrazeSimulator#reset()}.
     */
    public long requestSequence() {
        return requestSequence;
    }

    /** Its index within its request's array ({@code attributes}, {@code events}, {@code purchases}, or the id list). */
    public int index() {
        return index;
    }

    /**
     * When the simulator applied it, by the simulator's clock: the moment the object "reached Braze", which
     * end-to-end latency measurements (database commit to Braze) end at.
     */
    public Instant appliedAt() {
        return appliedAt;
    }

    /** Convenience: a string field of the object, or {@code null}. */
    public String text(String field) {
        JsonNode node = json().get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Type, user kind and request sequence only: the body may hold personal data. */
    @Override
    public String toString() {
        return "AcceptedObject[" + type + ", " + user + ", request=" + requestSequence + ", index=" + index + "]";
    }

    static byte[] serialize(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-serialize a parsed JSON node", e);
        }
    }
}
