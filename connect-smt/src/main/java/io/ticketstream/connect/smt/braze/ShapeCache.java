package io.ticketstream.connect.smt.braze;

import java.util.function.LongFunction;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.connect.data.Schema;

/**
 * Output schemas by "shape": a bit mask of which optional parts a record carries. A Braze object sends
 * only the fields it has (an absent attribute is left alone, a present null removes it), so the output
 * schema lists exactly those, and is derived once per shape rather than once per record.
 */
final class ShapeCache {

    private static final int SIZE = 256;

    private final Cache<Long, Schema> cache = new SynchronizedCache<>(new LRUCache<>(SIZE));
    private final LongFunction<Schema> build;
    private volatile Last last;

    ShapeCache(LongFunction<Schema> build) {
        this.build = build;
    }

    Schema get(long mask) {
        Last recent = last;
        if (recent != null && recent.mask == mask) {
            return recent.schema;
        }
        Schema schema = cache.get(mask);
        if (schema == null) {
            schema = build.apply(mask);
            cache.put(mask, schema);
        }
        last = new Last(mask, schema);
        return schema;
    }

    private record Last(long mask, Schema schema) {
    }
}
