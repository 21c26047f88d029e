package io.ticketstream.connect.braze.delivery;

import org.apache.kafka.connect.errors.ConnectException;

/** Braze refused one record (a per-object error in a 2xx body, or a 400/413 on a request holding only it). */
public class BrazeRejectedException extends ConnectException {

    public BrazeRejectedException(String message) {
        super(message);
    }
}
