package io.ticketstream.ops.connect;

/** No HTTP answer at all: connection refused, DNS, TLS handshake, timeout. */
public final class ConnectUnreachableException extends RuntimeException {
    public ConnectUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
