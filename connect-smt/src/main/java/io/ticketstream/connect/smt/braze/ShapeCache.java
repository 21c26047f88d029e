package io.ticketstream.connect.smt.braze;

import java.util.function.LongFunction;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.Schema;

/**
 * Output schemas by "shape": a bit mask of which optional parts a record carries. A Braze object sends
 * only the fields it has (an absent attribute is left alone), so the output schema lists exactly those, and
 * is derived once per shape rather than once per record.
 *
 * <p>In front of Kafka's synchronized LRU cache sits a small lock-free direct-mapped table of recent shapes:
 * a change stream mixes a handful of shapes record after record, and the LRU's lock and linked-list
 * bookkeeping would otherwise cost more than building the record.
 */
final class ShapeCache {

    private static final int SIZE = 256;
    private static final int RECENT_BITS = 5;

    private final Cache<Long, Schema> cache = new SynchronizedCache<>(new LRUCache<>(SIZE));
    /** Immutable entries, written and read without a lock: a reader sees either an old or a new entry. */
    private final Entry[] recent = new Entry[1 << RECENT_BITS];
    private final LongFunction<Schema> build;

    ShapeCache(LongFunction<Schema> build) {
        this.build = build;
    }

    Schema get(long mask) {
        int slot = (int) ((mask ^ (mask >>> 32)) * 0x9E3779B9L >>> (32 - RECENT_BITS)) & (recent.length - 1);
        Entry entry = recent[slot];
        if (entry != null && entry.mask == mask) {
            return entry.schema;
        }
        Schema schema = cache.get(mask);
        if (schema == null) {
            schema = build.apply(mask);
            cache.put(mask, schema);
        }
        recent[slot] = new Entry(mask, schema);
        return schema;
    }

    private record Entry(long mask, Schema schema) {
    }
}
