package io.ticketstream.streams.join;

import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/** "As of" reads of a dimension's versions, with the grace the joins allow for clocks that disagree. */
public final class VersionedLookups {

    private VersionedLookups() {
    }

    /**
     * The version in force at {@code asOf}; when there was none, the FIRST version that became valid within
     * {@code graceMs} after it (the one the source committed right after the fact, by a clock running ahead); null
     * when there is neither. The warehouse model joins the same version (warehouse/README.md).
     */
    public static <V> V asOfWithGrace(VersionedKeyValueStore<String, V> store, String key, long asOf, long graceMs) {
        VersionedRecord<V> inForce = store.get(key, asOf);
        if (inForce != null) {
            return inForce.value();
        }
        VersionedRecord<V> first = store.get(key, asOf + graceMs);
        if (first == null) {
            return null;
        }
        // Step back through the versions of the grace window to the earliest (there are few: one per change).
        for (VersionedRecord<V> earlier = store.get(key, first.timestamp() - 1);
             earlier != null && earlier.timestamp() > asOf; earlier = store.get(key, first.timestamp() - 1)) {
            first = earlier;
        }
        return first.value();
    }
}
