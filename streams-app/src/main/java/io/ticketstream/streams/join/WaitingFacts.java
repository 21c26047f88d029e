package io.ticketstream.streams.join;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts waiting for the progress of their inputs, in a store kept in deadline order so that each check reads only
 * the facts that may have become complete (a backlog can hold many waiting facts; re-reading them all on every
 * record would cost the square of their number).
 *
 * <p>A fact first waits for the horizon to pass its commit time T. If no dimension version was in force at T, it then
 * waits for the horizon to pass T + grace ({@link #deferTo}): nothing but that can decide it, since every version
 * committed by T has arrived once the horizon is past T.
 */
public final class WaitingFacts<V> {

    /** A waiting fact: its store key, the fact, what it waits with, and the horizon it waits for. */
    public record Entry<V>(String storeKey, FactKey fact, long deadline, V value) {
    }

    private final KeyValueStore<String, V> store;

    public WaitingFacts(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** A fact that waits for the horizon to pass its commit time. */
    public void add(FactKey fact, V value) {
        store.put(key(fact.occurredAt(), fact), value);
    }

    /** The fact now waits for the horizon to pass {@code deadline} instead. */
    public void deferTo(Entry<V> entry, long deadline) {
        store.delete(entry.storeKey());
        store.put(key(deadline, entry.fact()), entry.value());
    }

    public void remove(Entry<V> entry) {
        store.delete(entry.storeKey());
    }

    /** Forgets a fact waiting for its commit time (it moved to another commit time). */
    public void remove(FactKey fact) {
        store.delete(key(fact.occurredAt(), fact));
    }

    /** The facts whose deadline is at or before {@code horizon}, in deadline order. */
    public List<Entry<V>> due(long horizon) {
        List<Entry<V>> due = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                Entry<V> entry = entry(all.next());
                if (entry.deadline() > horizon) {
                    break;
                }
                due.add(entry);
            }
        }
        return due;
    }

    /**
     * How often the max-wait sweep reads every waiting fact: a tenth of the bound, between 1 and 10 seconds (the
     * bound is minutes; reading everything on every check would cost what {@link #due} saves).
     */
    public static java.time.Duration sweepInterval(long maxWaitMs) {
        return java.time.Duration.ofMillis(Math.min(10_000, Math.max(1_000, maxWaitMs / 10)));
    }

    /** Every waiting fact (for the max-wait sweep, which runs seldom). */
    public List<Entry<V>> all() {
        List<Entry<V>> all = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = store.all()) {
            entries.forEachRemaining(kv -> all.add(entry(kv)));
        }
        return all;
    }

    private static String key(long deadline, FactKey fact) {
        return String.format("%019d|", deadline) + fact.encode();
    }

    private static <V> Entry<V> entry(KeyValue<String, V> kv) {
        int bar = kv.key.indexOf('|');
        return new Entry<>(kv.key, FactKey.decode(kv.key.substring(bar + 1)), Long.parseLong(kv.key.substring(0, bar)), kv.value);
    }
}
