package io.ticketstream.connect.braze.record;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.braze.contract.BrazeType;

/**
 * One record's value as the Braze object it will be sent as: {@link #json()} is exactly the element of
 * the request array (identifier included). Subscription changes carry their grouping fields separately
 * because the subscription endpoint groups ids by group, state and id kind.
 */
public final class BrazeObject {

    private final BrazeType type;
    private final UserKey user;
    private final ObjectNode json;
    private final int jsonBytes;
    private final SubscriptionChange subscription;

    public BrazeObject(BrazeType type, UserKey user, ObjectNode json, int jsonBytes, SubscriptionChange subscription) {
        this.type = Objects.requireNonNull(type);
        this.user = Objects.requireNonNull(user);
        this.json = json;
        this.jsonBytes = jsonBytes;
        this.subscription = subscription;
    }

    public BrazeType type() {
        return type;
    }

    public UserKey user() {
        return user;
    }

    /** Null for subscription changes (they are sent grouped, see {@link #subscription()}). */
    public ObjectNode json() {
        return json;
    }

    /** Serialized size of {@link #json()} (or of the subscription id) in bytes, for the payload cap. */
    public int jsonBytes() {
        return jsonBytes;
    }

    public SubscriptionChange subscription() {
        return subscription;
    }

    /** A subscription-state change: {@code idKind} is external_id, email or phone. */
    public record SubscriptionChange(String groupId, String state, String idKind, String idValue) {
        @Override
        public String toString() {
            return "SubscriptionChange[" + groupId + "," + state + "," + idKind + "]";
        }
    }
}
