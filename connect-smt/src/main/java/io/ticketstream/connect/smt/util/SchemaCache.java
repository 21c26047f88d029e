package io.ticketstream.connect.smt.util;

import java.util.function.Function;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;

/**
 * Kafka's LRU cache of things derived from a schema, with a fast path for the common case that a
 * converter hands over the very same schema instance record after record: ConnectSchema's
 * hashCode/equals walk every field, which would cost more than the transform itself.
 *
 * @param <K> the key (a schema, or a schema plus a shape)
 * @param <V> what is derived from it
 */
public final class SchemaCache<K, V> {

    private final Cache<K, V> cache;
    private final Function<K, V> derive;
    private volatile Entry<K, V> last;

    public SchemaCache(int size, Function<K, V> derive) {
        this.cache = new SynchronizedCache<>(new LRUCache<>(size));
        this.derive = derive;
    }

    public V get(K key) {
        Entry<K, V> recent = last;
        if (recent != null && recent.key == key) {
            return recent.value;
        }
        V value = cache.get(key);
        if (value == null) {
            value = derive.apply(key);
            cache.put(key, value);
        }
        last = new Entry<>(key, value);
        return value;
    }

    private record Entry<K, V>(K key, V value) {
    }
}
