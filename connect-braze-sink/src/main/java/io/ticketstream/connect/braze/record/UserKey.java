package io.ticketstream.connect.braze.record;

/**
 * Who a Braze object is about, as named in the record: the unit of per-user ordering and of the
 * per-user in-flight lock. Two different identifiers of one person (external_id vs email) are two keys:
 * the sink cannot know they are one user. {@link #toString()} never shows the value (personal data).
 */
public record UserKey(String kind, String value) {

    @Override
    public String toString() {
        return "UserKey[" + kind + "]";
    }
}
