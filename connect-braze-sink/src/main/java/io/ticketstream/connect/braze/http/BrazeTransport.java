package io.ticketstream.connect.braze.http;

import java.io.IOException;

/**
 * Sends one POST to Braze. An interface so the delivery engine is tested against a fake and run against
 * the JDK client; an IOException means no response (timeout, reset, refused).
 */
public interface BrazeTransport extends AutoCloseable {

    HttpResult post(String path, byte[] jsonBody) throws IOException, InterruptedException;

    /** Where requests go, for error messages (never the key). */
    String describeTarget();

    @Override
    default void close() {
    }
}
