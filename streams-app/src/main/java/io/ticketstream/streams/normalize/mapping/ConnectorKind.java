package io.ticketstream.streams.normalize.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Debezium connector that produced a raw topic: decides how the envelope's row images are read. */
public enum ConnectorKind {
    SQLSERVER, MONGODB, POSTGRESQL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Relational sources carry flat row images; MongoDB carries nested documents as Extended JSON strings. */
    public boolean nestedDocuments() {
        return this == MONGODB;
    }

    public static ConnectorKind parse(String text) {
        for (ConnectorKind kind : values()) {
            if (kind.id().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown connector '" + text + "' (valid: " + validNames() + ")");
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ConnectorKind::id).collect(Collectors.joining(", "));
    }
}
