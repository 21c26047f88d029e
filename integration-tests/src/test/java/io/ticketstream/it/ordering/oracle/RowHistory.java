package io.ticketstream.it.ordering.oracle;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every committed version of one source row, by commit time. Redeliveries add nothing (an identical version at the
 * same commit time); two different versions at one commit time cannot be ordered, so the world is refused.
 */
final class RowHistory {

    /** One committed state; {@code row} null when the commit deleted the row. */
    record Version(long commitTs, JsonNode row) {
        boolean deleted() {
            return row == null;
        }
    }

    private final String name;
    private final TreeMap<Long, Version> versions = new TreeMap<>();

    RowHistory(String name) {
        this.name = name;
    }

    void add(long commitTs, JsonNode row) {
        Version previous = versions.putIfAbsent(commitTs, new Version(commitTs, row));
        if (previous != null && !java.util.Objects.equals(previous.row(), row)) {
            throw new IllegalArgumentException(name + " has two different versions committed at " + commitTs
                    + ": the oracle cannot order them (fix the generator): " + previous.row() + " / " + row);
        }
    }

    /** The newest version committed at or before {@code ts} (possibly a deletion). */
    Optional<Version> asOf(long ts) {
        return Optional.ofNullable(versions.floorEntry(ts)).map(Map.Entry::getValue);
    }

    /** The row as of {@code ts}: empty when it did not exist yet or was deleted by then. */
    Optional<JsonNode> liveAsOf(long ts) {
        return asOf(ts).filter(v -> !v.deleted()).map(Version::row);
    }

    /** The earliest existing (not deleted) version committed after {@code after} and at or before {@code upTo}. */
    Optional<JsonNode> firstLiveIn(long after, long upTo) {
        return versions.subMap(after, false, upTo, true).values().stream().filter(v -> !v.deleted()).findFirst()
                .map(Version::row);
    }

    Version latest() {
        return versions.lastEntry().getValue();
    }

    Iterable<Version> inCommitOrder() {
        return versions.values();
    }
}
