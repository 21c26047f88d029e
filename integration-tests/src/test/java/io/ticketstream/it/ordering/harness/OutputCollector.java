package io.ticketstream.it.ordering.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.test.TestUtils;

/**
 * Reads the app's output topics incrementally from the beginning, {@code read_committed} as every sink reads them
 * (only what the exactly-once app committed), keeping every record in partition order: duplicates and the order per
 * key stay visible.
 */
public final class OutputCollector implements AutoCloseable {

    /** One output record; {@code value} null for a tombstone. */
    public record Output(String topic, String key, byte[] value, int partition, long offset) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<Output>> byTopic = new LinkedHashMap<>();

    /** Assigns every partition of {@code topics}, waiting for just-created topics to show in the metadata. */
    public OutputCollector(String bootstrapServers, Collection<String> topics) throws InterruptedException {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            byTopic.put(topic, new ArrayList<>());
            TestUtils.waitForCondition(() -> !consumer.partitionsFor(topic).isEmpty(), Duration.ofMinutes(1).toMillis(),
                    () -> "topic " + topic + " not in the metadata");
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has been committed since the last call. */
    public void poll() {
        for (int i = 0; i < 50; i++) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(i == 0 ? 200 : 50));
            if (records.isEmpty()) {
                return;
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                byTopic.get(r.topic()).add(new Output(r.topic(), r.key(), r.value(), r.partition(), r.offset()));
            }
        }
    }

    public List<Output> records(String topic) {
        return byTopic.get(topic);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
