package io.ticketstream.streams.normalize.mapping;

import java.util.Locale;

/** What a source delete becomes. */
public enum DeleteHandling {
    /** A {@code DELETE} row carrying the key and whatever the before image held. */
    EMIT,
    /** Nothing downstream (counted as skipped): for sources whose deletes carry no business meaning. */
    SKIP;

    public static DeleteHandling parse(String text) {
        for (DeleteHandling value : values()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown delete handling '" + text + "' (valid: emit, skip)");
    }
}
