package io.ticketstream.streams.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The setter really bounds RocksDB: every store of the JVM shares one cache sized from the config. */
class BoundedMemoryRocksDBConfigTest {

    @TempDir
    Path stateDir;

    @Test
    void realRocksDbStoresShareOneCacheSizedFromTheConfig() {
        AppConfig config = new AppConfig(Map.of("rocksdb.cache.bytes", "16777216", "rocksdb.write.buffer.bytes", "4194304",
                "application.id", "rocks-test", "bootstrap.servers", "unused:9092", "state.dir", stateDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("a", Consumed.with(Serdes.String(), Serdes.String()), Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("store-a"));
        builder.table("b", Consumed.with(Serdes.String(), Serdes.String()), Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("store-b"));
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> a = driver.createInputTopic("a", new StringSerializer(), new StringSerializer());
            a.pipeInput("k", "v");
            assertEquals("v", driver.<String, String>getKeyValueStore("store-a").get("k"), "a real RocksDB store works with the setter");
        }

        // Sizes come from the first configuration the JVM saw; this test class is the only one creating RocksDB stores.
        assertNotNull(BoundedMemoryRocksDBConfig.sharedCache(), "the setter ran for the stores");
        assertEquals(16777216L, BoundedMemoryRocksDBConfig.sharedCacheBytes());
        assertEquals(4194304L, BoundedMemoryRocksDBConfig.sharedWriteBufferBytes());

        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedMemoryRocksDBConfig().setConfig("another", options, Map.of());
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertEquals(true, table.cacheIndexAndFilterBlocks(), "index and filter blocks are charged to the cache");
            assertSame(BoundedMemoryRocksDBConfig.sharedCache(), BoundedMemoryRocksDBConfig.sharedCache());
        }
    }
}
