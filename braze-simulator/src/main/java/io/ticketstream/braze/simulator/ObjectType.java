package io.ticketstream.braze.simulator;

/** The kind of object the Braze simulator (a stand-in, not Braze) accepted. */
public enum ObjectType {
    /** An element of the {@code attributes} array of {@code /users/track}. */
    ATTRIBUTES,
    /** An element of the {@code events} array of {@code /users/track}. */
    EVENT,
    /** An element of the {@code purchases} array of {@code /users/track}. */
    PURCHASE,
    /** One user's state change from {@code /v2/subscription/status/set} (one per id in an entry). */
    SUBSCRIPTION,
    /** One user deleted by {@code /users/delete} (one per identifier in the request). */
    USER_DELETE
}
