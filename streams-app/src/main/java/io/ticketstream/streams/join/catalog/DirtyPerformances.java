package io.ticketstream.streams.join.catalog;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The performances whose composition changed since they were last published. Kept in a changelogged store (a
 * crash between a change and its publication must not lose the publication) with a copy in memory for the reads
 * (a RocksDB iterator would step over the tombstones of every key already published).
 */
final class DirtyPerformances {

    private final KeyValueStore<String, String> store;
    private final TreeSet<String> ids = new TreeSet<>();

    /** Call from the processor's init(), when the store has been restored. */
    DirtyPerformances(KeyValueStore<String, String> store) {
        this.store = store;
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(kv -> ids.add(kv.key));
        }
    }

    void mark(String performanceId) {
        if (ids.add(performanceId)) {
            store.put(performanceId, "");
        }
    }

    /** Published by other means: no need to publish it again. */
    void unmark(String performanceId) {
        if (ids.remove(performanceId)) {
            store.delete(performanceId);
        }
    }

    /** Every marked id, unmarked. */
    List<String> drain() {
        List<String> drained = new ArrayList<>(ids);
        drained.forEach(store::delete);
        ids.clear();
        return drained;
    }
}
