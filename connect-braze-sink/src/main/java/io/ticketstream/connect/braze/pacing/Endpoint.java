package io.ticketstream.connect.braze.pacing;

/** The Braze endpoints this sink calls; each has its own rate limit and therefore its own pacer. */
public enum Endpoint {
    TRACK("/users/track"),
    SUBSCRIPTION("/v2/subscription/status/set"),
    USER_DELETE("/users/delete");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
