package io.ticketstream.streams.normalize.mapping;

import io.ticketstream.streams.normalize.ErrorKind;

/** A source value that does not fit its cast; the caller adds mapping, field and value preview. */
public class CastException extends Exception {

    private final ErrorKind kind;

    public CastException(ErrorKind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    public ErrorKind kind() { return kind; }
}
