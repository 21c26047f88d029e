package io.ticketstream.connect.converter;

import java.util.Arrays;
import java.util.Locale;

/** Which published version a record is read into before it becomes a Connect value. */
public enum ReaderVersion {
    /** The newest published version of the record's entity: a sink sees one schema per topic. */
    LATEST,
    /** The version the producer wrote with: a sink sees every version that was ever produced. */
    WRITER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; null when the text names no value (the validator reports it). */
    public static ReaderVersion parse(String text) {
        return Arrays.stream(values()).filter(v -> v.value().equalsIgnoreCase(text == null ? "" : text.trim()))
                .findFirst().orElse(null);
    }

    public static String[] names() {
        return Arrays.stream(values()).map(ReaderVersion::value).toArray(String[]::new);
    }
}
