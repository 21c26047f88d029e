package io.ticketstream.braze.simulator;

/**
 * A fatal error for a whole request (Braze: "message is the error"); nothing of it is applied.
 * No stack trace: it is control flow for expected bad input, thrown thousands of times in
 * benchmarks that probe the limits.
 */
final class RequestRejected extends Exception {

    private final int status;

    RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
