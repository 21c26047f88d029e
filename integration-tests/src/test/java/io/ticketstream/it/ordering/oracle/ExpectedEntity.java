package io.ticketstream.it.ordering.oracle;

/**
 * The last record a compacted entity topic must hold for a key: {@code value}, or for a deleted row (value null) a
 * tombstone — or nothing at all when no version was ever emitted for the key (a row created and deleted in a burst).
 */
public record ExpectedEntity<T>(T value) {

    public boolean deleted() {
        return value == null;
    }
}
