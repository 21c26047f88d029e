package io.ticketstream.braze.simulator;

/** A non-fatal error of one object: it is listed in the {@code errors} array and not applied. */
final class ObjectRejected extends Exception {

    ObjectRejected(String type) {
        super(type, null, false, false);
    }
}
