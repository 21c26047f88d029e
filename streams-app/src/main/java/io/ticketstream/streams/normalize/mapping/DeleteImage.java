package io.ticketstream.streams.normalize.mapping;

import java.util.Locale;

/**
 * Which columns of a delete's {@code before} image are real data. PostgreSQL with the default replica
 * identity sends only the key: its other columns are null, or type placeholders ({@code 0}, {@code ""})
 * when NOT NULL (seen in the captured fixtures), so they must never be read as data.
 */
public enum DeleteImage {
    /** Only the key fields (PostgreSQL default replica identity, MongoDB without pre-images). */
    KEYS,
    /** Every mapped column (SQL Server; PostgreSQL tables with {@code REPLICA IDENTITY FULL}). */
    FULL;

    public static DeleteImage parse(String text) {
        for (DeleteImage value : values()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown delete_image '" + text + "' (valid: keys, full)");
    }

    /** What the connector gives unless the mapping says otherwise. */
    public static DeleteImage defaultFor(ConnectorKind connector) {
        return connector == ConnectorKind.SQLSERVER ? FULL : KEYS;
    }
}
