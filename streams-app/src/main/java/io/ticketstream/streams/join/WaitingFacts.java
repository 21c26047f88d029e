package io.ticketstream.streams.join;

import io.ticketstream.schemas.SaleType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Facts waiting for the progress of their inputs, in a store kept in deadline order so that each check reads only
 * the facts that may have become complete (a backlog can hold many waiting facts; re-reading them all on every
 * record would cost the square of their number).
 *
 * <p>The store (changelogged) is the truth; a sorted copy in memory, loaded once when the task starts, answers the
 * reads with an index of waiting SALEs beside it (with a RocksDB store, an iterator from the first key stepped over
 * the tombstones of every fact released since the last compaction, on every check: measured, the full-topology
 * benchmark slowed down by the minute; the joins now give it an in-memory store, and the copy keeps reads cheap
 * whichever store it gets).
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
    private final TreeMap<String, V> sorted = new TreeMap<>();
    private final Map<Long, String> waitingSales = new HashMap<>(); // order_id -> store key of its waiting SALE

    /** Call from the processor's init(), when the store has been restored. */
    public WaitingFacts(KeyValueStore<String, V> store) {
        this.store = store;
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(kv -> index(kv.key, kv.value));
        }
    }

    /** A fact that waits for the horizon to pass its commit time. */
    public void add(FactKey fact, V value) {
        put(key(fact.occurredAt(), fact), value);
    }

    /** The fact now waits for the horizon to pass {@code deadline} instead. */
    public void deferTo(Entry<V> entry, long deadline) {
        delete(entry.storeKey());
        put(key(deadline, entry.fact()), entry.value());
    }

    public void remove(Entry<V> entry) {
        delete(entry.storeKey());
    }

    /** Forgets a fact waiting for its commit time (it moved to another commit time). */
    public void remove(FactKey fact) {
        delete(key(fact.occurredAt(), fact));
    }

    /** The facts whose deadline is at or before {@code horizon}, in deadline order. */
    public List<Entry<V>> due(long horizon) {
        List<Entry<V>> due = new ArrayList<>();
        for (Map.Entry<String, V> waiting : sorted.entrySet()) {
            Entry<V> entry = entry(waiting.getKey(), waiting.getValue());
            if (entry.deadline() > horizon) {
                break;
            }
            due.add(entry);
        }
        return due;
    }

    /** The deadline of the SALE of {@code orderId} if it waits here (a REVERSAL never leaves before it). */
    public OptionalLong saleDeadline(long orderId) {
        String key = waitingSales.get(orderId);
        return key == null ? OptionalLong.empty() : OptionalLong.of(entry(key, null).deadline());
    }

    private void put(String key, V value) {
        store.put(key, value);
        index(key, value);
    }

    private void index(String key, V value) {
        sorted.put(key, value);
        FactKey fact = entry(key, value).fact();
        if (fact.type() == SaleType.SALE) {
            waitingSales.put(fact.orderId(), key);
        }
    }

    private void delete(String key) {
        store.delete(key);
        sorted.remove(key);
        FactKey fact = entry(key, null).fact();
        if (fact.type() == SaleType.SALE) {
            waitingSales.remove(fact.orderId(), key);
        }
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
        List<Entry<V>> all = new ArrayList<>(sorted.size());
        sorted.forEach((key, value) -> all.add(entry(key, value)));
        return all;
    }

    private static String key(long deadline, FactKey fact) {
        return FactKey.padded(deadline) + '|' + fact.encode();
    }

    private static <V> Entry<V> entry(String key, V value) {
        int bar = key.indexOf('|');
        return new Entry<>(key, FactKey.decode(key.substring(bar + 1)), Long.parseLong(key.substring(0, bar)), value);
    }
}
