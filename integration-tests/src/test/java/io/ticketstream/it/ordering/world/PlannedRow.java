package io.ticketstream.it.ordering.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The planned life of one source row (or document): changes may be planned in any order (a rename placed just before
 * a sale that is planned later); {@link #versions()} applies them in commit order. A change returning null deletes.
 * Two changes of one row never share a commit time: a later plan moves away from the taken millisecond.
 */
final class PlannedRow {

    /** One committed state of the row. */
    record Version(long commitTs, Op op, Map<String, Object> before, Map<String, Object> after) {
    }

    enum Op { CREATE, UPDATE, DELETE }

    private final TreeMap<Long, UnaryOperator<Map<String, Object>>> changes = new TreeMap<>();
    private long deletedAt = Long.MAX_VALUE;

    /** The row as first committed at {@code commitTs}. */
    PlannedRow(long commitTs, Map<String, Object> created) {
        changes.put(commitTs, ignored -> created);
    }

    long createdAt() {
        return changes.firstKey();
    }

    /**
     * Plans a change at {@code commitTs}, or at the nearest free millisecond in {@code direction} (-1: earlier, to
     * stay before something; +1: later, to stay after it).
     *
     * @return the commit time used
     */
    long change(long commitTs, int direction, UnaryOperator<Map<String, Object>> change) {
        long at = commitTs;
        while (changes.containsKey(at)) {
            at += direction;
        }
        if (at <= createdAt()) {
            throw new IllegalArgumentException("a change at " + at + " would precede the row's creation at " + createdAt());
        }
        changes.put(at, change);
        return at;
    }

    /** Plans a delete at {@code commitTs} (or the next free millisecond). */
    long delete(long commitTs) {
        deletedAt = change(commitTs, +1, row -> null);
        return deletedAt;
    }

    /** Whether a delete is planned. */
    boolean deleted() {
        return deletedAt != Long.MAX_VALUE;
    }

    List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        Map<String, Object> current = null;
        for (Map.Entry<Long, UnaryOperator<Map<String, Object>>> change : changes.entrySet()) {
            if (current == null && !versions.isEmpty()) {
                throw new IllegalStateException("a change planned at " + change.getKey() + " after the row was deleted");
            }
            Map<String, Object> next = change.getValue().apply(current == null ? null : copy(current));
            Op op = versions.isEmpty() ? Op.CREATE : next == null ? Op.DELETE : Op.UPDATE;
            versions.add(new Version(change.getKey(), op, current, next));
            current = next;
        }
        return versions;
    }

    static Map<String, Object> copy(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> nested ? copy(cast(nested)) : v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
