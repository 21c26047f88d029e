package io.ticketstream.local.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the data records of topics by reading them, incrementally: end offsets would count commit markers (every
 * canonical topic is written in transactions, one marker per transaction and partition) and aborted records.
 * A read_committed consumer without a group reads each record once (values are not deserialised), so the status
 * shows records a consumer can receive. Topics that do not exist yet are picked up when they do.
 */
final class RecordCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final Map<String, Long> counts = new HashMap<>();

    RecordCounter(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-status-counter");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        topics.forEach(t -> counts.put(t, 0L));
    }

    /** Reads what arrived since the last call, for at most {@code budget}; returns data records per topic so far. */
    synchronized Map<String, Long> count(Duration budget) {
        assignNewPartitions();
        if (!consumer.assignment().isEmpty()) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), budget);
            long deadline = System.nanoTime() + budget.toNanos();
            while (System.nanoTime() < deadline && behind(ends)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    counts.merge(record.topic(), 1L, Long::sum);
                }
            }
        }
        return Map.copyOf(counts);
    }

    private boolean behind(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue());
    }

    private void assignNewPartitions() {
        List<TopicPartition> wanted = new ArrayList<>(consumer.assignment());
        boolean added = false;
        for (String topic : topics) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            for (PartitionInfo p : partitions == null ? List.<PartitionInfo>of() : partitions) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                if (!wanted.contains(tp)) {
                    wanted.add(tp);
                    added = true;
                }
            }
        }
        if (added) {
            List<TopicPartition> fresh = new ArrayList<>(wanted);
            fresh.removeAll(consumer.assignment());
            Map<TopicPartition, Long> positions = new HashMap<>();
            consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
            consumer.assign(wanted);
            positions.forEach(consumer::seek); // assign() keeps positions of kept partitions; be explicit
            consumer.seekToBeginning(fresh);
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
