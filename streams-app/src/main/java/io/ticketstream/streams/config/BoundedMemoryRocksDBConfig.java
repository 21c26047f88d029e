package io.ticketstream.streams.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of ALL RocksDB stores of this JVM (Kafka Streams' documented recipe): one
 * shared LRU block cache holds data blocks, index and filter blocks, and the memtables are charged to it
 * through a shared WriteBufferManager. Without this, each store (and each segment) sizes its own cache and
 * memtables, and memory grows with the number of partitions.
 *
 * <p>Sizes come from the Streams config: {@value AppConfig#ROCKSDB_CACHE_BYTES} (total) and
 * {@value AppConfig#ROCKSDB_WRITE_BUFFER_BYTES} (memtable share of it). The cache is created once per JVM
 * and never closed by a store: every store shares it.
 */
public class BoundedMemoryRocksDBConfig implements RocksDBConfigSetter {

    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    /**
     * Memtable arena block size. RocksDB's default, min(1 MB, write_buffer_size / 8), is charged in full to the
     * shared WriteBufferManager as soon as a memtable holds anything, so every store instance (store x partition)
     * reserves 1 MB before it holds data. With more instances than megabytes in the memtable budget the manager
     * is always over its limit and every write flushes a tiny memtable: the full topology, 13 stores x 4
     * partitions against 32 MB, spent more CPU in RocksDB flushes and compactions than in its stream thread
     * (benchmarks/README.md, "Streams topology"). Small blocks make the charge follow the data.
     */
    static final long ARENA_BLOCK_BYTES = 64 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long cacheBytes;
    private static long writeBufferBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = bytes(configs, AppConfig.ROCKSDB_CACHE_BYTES, AppConfig.ROCKSDB_CACHE_BYTES_DEFAULT);
        long memtables = bytes(configs, AppConfig.ROCKSDB_WRITE_BUFFER_BYTES, AppConfig.ROCKSDB_WRITE_BUFFER_BYTES_DEFAULT);
        initShared(total, memtables);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the JVM: never closed here.
    }

    private static synchronized void initShared(long total, long memtables) {
        if (cache == null) {
            cache = new LRUCache(total, -1, false, HIGH_PRIORITY_POOL_RATIO);
            writeBufferManager = new WriteBufferManager(memtables, cache);
            cacheBytes = total;
            writeBufferBytes = memtables;
        }
    }

    /** Bytes of the shared cache in this JVM, 0 before the first store was configured. */
    public static synchronized long sharedCacheBytes() {
        return cache == null ? 0 : cacheBytes;
    }

    /** Memtable budget charged to the shared cache, 0 before the first store was configured. */
    public static synchronized long sharedWriteBufferBytes() {
        return cache == null ? 0 : writeBufferBytes;
    }

    /** The shared cache, or null before the first store was configured (for tests and metrics). */
    public static synchronized Cache sharedCache() {
        return cache;
    }

    private static long bytes(Map<String, Object> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    }
}
