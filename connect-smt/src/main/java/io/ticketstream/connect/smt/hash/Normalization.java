package io.ticketstream.connect.smt.hash;

import java.util.Locale;

/** What is done to a value before it is hashed, so that equal addresses give equal hashes. */
public enum Normalization {
    /** Hash the text as it is. */
    NONE,
    /** Strip leading and trailing white space. */
    TRIM,
    /** Trim, then lower-case (Locale.ROOT): the usual form for e-mail addresses. */
    TRIM_LOWERCASE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String apply(String text) {
        switch (this) {
            case TRIM:
                return text.strip();
            case TRIM_LOWERCASE:
                return text.strip().toLowerCase(Locale.ROOT);
            default:
                return text;
        }
    }

    static Normalization parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
