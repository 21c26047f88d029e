package io.ticketstream.braze.contract;

import java.util.Locale;

/** The four shapes of the input contract (README, "Input contract"), named by the field {@code braze_type}. */
public enum BrazeType {
    ATTRIBUTES("attributes", "attributes"),
    EVENT("event", "events"),
    PURCHASE("purchase", "purchases"),
    SUBSCRIPTION("subscription", null),
    /**
     * A user deletion (/users/delete). Not a record shape: the sink makes one from a tombstone when
     * braze.tombstone.handling=delete; a record that names it in braze_type is a bad record.
     */
    USER_DELETE("user_delete", null);

    private final String wireName;
    private final String trackArray;

    BrazeType(String wireName, String trackArray) {
        this.wireName = wireName;
        this.trackArray = trackArray;
    }

    /** The value of {@code braze_type} that selects this shape. */
    public String wireName() {
        return wireName;
    }

    /** The /users/track array this shape goes into, or null for the subscription endpoint. */
    public String trackArray() {
        return trackArray;
    }

    public boolean isTrack() {
        return trackArray != null;
    }

    /** Returns null for an unknown name; the caller names the field in its error. */
    public static BrazeType fromWireName(String name) {
        for (BrazeType type : values()) {
            if (type.wireName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    public static BrazeType fromTrackArray(String array) {
        for (BrazeType type : values()) {
            if (array != null && array.equals(type.trackArray)) {
                return type;
            }
        }
        return null;
    }
}
