package io.ticketstream.ops.backfill;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a backfill is: per partition, the connector's committed offset against the end offset the topic had, summed;
 * from two such readings {@code elapsed} apart, the rate and the time left at that rate.
 */
record BackfillProgress(long done, long total, double recordsPerSecond) {

    static BackfillProgress of(Map<TopicPartition, Long> committedBefore, Map<TopicPartition, Long> committedAfter,
                               Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end, Duration elapsed) {
        long total = 0;
        long done = 0;
        long before = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            long first = beginning.getOrDefault(partition.getKey(), 0L);
            long last = partition.getValue();
            total += Math.max(0, last - first);
            done += clamp(committedAfter.getOrDefault(partition.getKey(), first), first, last) - first;
            before += clamp(committedBefore.getOrDefault(partition.getKey(), first), first, last) - first;
        }
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        return new BackfillProgress(done, total, Math.max(0, done - before) / seconds);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    boolean finished() {
        return done >= total;
    }

    /** Time left at the measured rate; null when nothing moved during the reading (unknown). */
    Duration eta() {
        if (finished()) {
            return Duration.ZERO;
        }
        return recordsPerSecond <= 0 ? null : Duration.ofSeconds((long) Math.ceil((total - done) / recordsPerSecond));
    }

    String describe() {
        Duration eta = eta();
        return String.format("%,d of %,d records (%.1f%%), %,.0f records/s, ETA %s", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, recordsPerSecond,
                finished() ? "done" : eta == null ? "unknown (no progress during the reading)" : format(eta));
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
