package io.ticketstream.ops.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Finds the data records in a range of offsets, so that lag is counted in records a consumer can still receive.
 *
 * <p>Why: a partition written in transactions ends with a commit marker (a control record). It takes an offset, so
 * the end offset is one past it, but no consumer ever receives it; a consumer that read every record has committed
 * the offset of the marker, and {@code end - committed} says 1 for ever. The same holds for the records of an
 * aborted transaction under {@code read_committed}. Only a fetch can tell data from control records: the Admin API
 * and {@code kafka-consumer-groups} cannot.
 *
 * <p>How: a consumer without a group (it commits nothing) reads, for each range, from its start to the first data
 * record (its timestamp is the age of the oldest record not yet consumed), then from the end backwards in growing
 * windows to the last data record. Values are never deserialised or kept. Cost: one or two fetches per partition
 * that shows {@code end > committed}; nothing for a partition whose committed offset is at the end.
 */
public final class DataRecordProbe implements AutoCloseable {

    /** What was found between a committed offset and the end. */
    public record DataRange(long from, long end, long dataEnd, long oldestTimestampMs) {
        public static final long NO_TIMESTAMP = -1L; // ConsumerRecord.NO_TIMESTAMP

        /** Nothing but control records (or, read committed, aborted records) in {@code [from, end)}. */
        static DataRange empty(long from, long end) {
            return new DataRange(from, end, from, NO_TIMESTAMP);
        }

        public boolean hasData() {
            return dataEnd > from;
        }
    }

    private static final int FIRST_TAIL_WINDOW = 8;

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    public DataRecordProbe(Properties clientProperties, IsolationLevel isolation, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a range that retention already deleted starts at the log start
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ticketstream-ops-lag-probe");
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(64 * 1024));
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    DataRecordProbe(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /**
     * For every {@code [from, end)} range (several ranges may share a partition: groups at different offsets),
     * where the data records are. A range whose partition cannot be read within the timeout is left out: the
     * caller falls back to {@code end - committed} for it.
     */
    public Map<TopicPartition, Map<Long, DataRange>> probe(Map<TopicPartition, Set<Long>> fromOffsets, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Map<Long, DataRange>> found = new HashMap<>();
        // one position per partition per pass: a partition probed for several committed offsets takes several passes
        Map<TopicPartition, List<Long>> pending = new HashMap<>();
        fromOffsets.forEach((tp, froms) -> {
            long end = ends.get(tp);
            List<Long> todo = new ArrayList<>();
            for (long from : froms) {
                if (from >= end) {
                    found.computeIfAbsent(tp, k -> new HashMap<>()).put(from, DataRange.empty(from, end));
                } else {
                    todo.add(from);
                }
            }
            if (!todo.isEmpty()) {
                pending.put(tp, todo);
            }
        });
        while (!pending.isEmpty()) {
            Map<TopicPartition, Long> pass = new HashMap<>();
            pending.forEach((tp, froms) -> pass.put(tp, froms.remove(froms.size() - 1)));
            pending.values().removeIf(List::isEmpty);
            probePass(pass, ends).forEach((tp, range) -> found.computeIfAbsent(tp, k -> new HashMap<>()).put(range.from(), range));
        }
        return found;
    }

    private Map<TopicPartition, DataRange> probePass(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        // Head: from the committed offset to the first data record (or to the end, if there is none).
        Map<TopicPartition, Long> stopAt = new HashMap<>();
        from.keySet().forEach(tp -> stopAt.put(tp, ends.get(tp)));
        Map<TopicPartition, Scan> heads = scan(from, stopAt, true);
        Map<TopicPartition, DataRange> result = new HashMap<>();
        Map<TopicPartition, Long> needTail = new HashMap<>();
        heads.forEach((tp, head) -> {
            long start = from.get(tp);
            long end = ends.get(tp);
            if (head.firstOffset < 0) {
                result.put(tp, DataRange.empty(start, end));
            } else if (head.reachedEnd) {
                result.put(tp, new DataRange(start, end, head.lastOffset + 1, head.firstTimestamp));
            } else {
                needTail.put(tp, head.firstOffset);
            }
        });
        // Tail: windows growing eightfold back from the end until one holds a data record; the first data record
        // found by the head bounds the search, so it always ends.
        long window = FIRST_TAIL_WINDOW;
        while (!needTail.isEmpty()) {
            Map<TopicPartition, Long> seekTo = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> e : needTail.entrySet()) {
                seekTo.put(e.getKey(), Math.max(e.getValue(), ends.get(e.getKey()) - window));
            }
            Map<TopicPartition, Long> endsOfPass = new HashMap<>();
            seekTo.keySet().forEach(tp -> endsOfPass.put(tp, ends.get(tp)));
            Map<TopicPartition, Scan> tails = scan(seekTo, endsOfPass, false);
            for (Map.Entry<TopicPartition, Scan> e : tails.entrySet()) {
                TopicPartition tp = e.getKey();
                if (e.getValue().lastOffset >= 0 || seekTo.get(tp).equals(needTail.get(tp))) {
                    long lastData = Math.max(e.getValue().lastOffset, needTail.get(tp));
                    result.put(tp, new DataRange(from.get(tp), ends.get(tp), lastData + 1, heads.get(tp).firstTimestamp));
                    needTail.remove(tp);
                }
            }
            needTail.keySet().retainAll(tails.keySet()); // a partition that timed out is given up
            window *= 8;
        }
        return result;
    }

    private static final class Scan {
        long firstOffset = -1;
        long firstTimestamp = DataRange.NO_TIMESTAMP;
        long lastOffset = -1;
        boolean reachedEnd;
    }

    /**
     * Reads each partition from its start offset until its position reaches its end, or (head scans) until the first
     * data record. Partitions not done before the timeout are left out of the answer.
     */
    private Map<TopicPartition, Scan> scan(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends, boolean stopAtFirst) {
        consumer.assign(starts.keySet());
        starts.forEach(consumer::seek);
        Map<TopicPartition, Scan> scans = new HashMap<>();
        starts.keySet().forEach(tp -> scans.put(tp, new Scan()));
        Set<TopicPartition> open = new HashSet<>(starts.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Scan scan = scans.get(tp);
                if (!open.contains(tp) || record.offset() < starts.get(tp) || record.offset() >= ends.get(tp)) {
                    continue;
                }
                if (scan.firstOffset < 0) {
                    scan.firstOffset = record.offset();
                    scan.firstTimestamp = record.timestamp();
                }
                scan.lastOffset = Math.max(scan.lastOffset, record.offset());
            }
            for (TopicPartition tp : new ArrayList<>(open)) {
                Scan scan = scans.get(tp);
                // the position moves past control records too, so it reaches the end even when the range ends in markers
                if (consumer.position(tp) >= ends.get(tp)) {
                    scan.reachedEnd = true;
                    open.remove(tp);
                } else if (stopAtFirst && scan.firstOffset >= 0) {
                    open.remove(tp);
                }
            }
            consumer.pause(starts.keySet().stream().filter(tp -> !open.contains(tp)).toList());
        }
        consumer.resume(consumer.paused());
        scans.keySet().removeAll(open); // still open at the deadline: not answered
        return scans;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
