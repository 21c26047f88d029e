package io.ticketstream.streams.join.progress;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Partitioners for topics that carry {@link Progressed} records (KIP-837 multicast): a watermark must reach
 * EVERY partition, because every downstream task waits for every upstream task.
 */
public final class ProgressPartitioners {

    /**
     * Every record to every partition: for small reference data (the catalogue) that each downstream task
     * keeps a full copy of.
     */
    public static <V> StreamPartitioner<String, Progressed<V>> broadcastAll() {
        return (topic, key, value, partitions) -> Optional.of(all(partitions));
    }

    /**
     * Data by key, exactly as Kafka's default partitioner places a String key (murmur2 of its UTF-8 bytes),
     * watermarks to every partition.
     */
    public static <V> StreamPartitioner<String, Progressed<V>> byKeyWatermarksToAll() {
        return (topic, key, value, partitions) -> {
            if (value != null && value.isWatermark()) {
                return Optional.of(all(partitions));
            }
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            return Optional.of(Set.of(partition));
        };
    }

    private static Set<Integer> all(int partitions) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet());
    }

    private ProgressPartitioners() {
    }
}
