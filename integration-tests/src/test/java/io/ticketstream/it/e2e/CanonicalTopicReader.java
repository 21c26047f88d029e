package io.ticketstream.it.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole canonical topic as its consumers do (read_committed: only what the exactly-once streams app
 * committed), decoding values with the canonical serde. A null value is a tombstone and stays in the list.
 */
final class CanonicalTopicReader {

    /** One record; {@code value} null for a tombstone. Records of one key keep their order. */
    record Entry<T>(String key, T value, int partition, long offset) {
    }

    private final String bootstrapServers;

    CanonicalTopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    <T> List<Entry<T>> readAll(String topic, Deserializer<T> values) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(java.util.Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed end offsets: the last stable offset of each partition
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<Entry<T>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    T value = r.value() == null ? null : values.deserialize(topic, r.value());
                    out.add(new Entry<>(r.key(), value, r.partition(), r.offset()));
                }
            }
            return out;
        }
    }

    /** The records of one key, in order. */
    <T> List<Entry<T>> readKey(String topic, Deserializer<T> values, String key) {
        return readAll(topic, values).stream().filter(e -> Objects.equals(key, e.key())).toList();
    }

    static <T> List<T> values(List<Entry<T>> entries, Predicate<Entry<T>> which) {
        return entries.stream().filter(which).map(Entry::value).toList();
    }
}
