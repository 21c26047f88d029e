package io.ticketstream.connect.braze.record;

import org.apache.kafka.connect.errors.DataException;

/** A record value that fits none of the input contract's shapes; the message names the field and why. */
public class BadRecordException extends DataException {

    private final String field;

    public BadRecordException(String field, String reason) {
        super("Braze record field '" + field + "': " + reason);
        this.field = field;
    }

    public BadRecordException(String field, String reason, Throwable cause) {
        super("Braze record field '" + field + "': " + reason, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
