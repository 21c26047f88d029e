package io.ticketstream.connect.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.config.BrazeSinkConfig;

/**
 * Back-pressure across a cooperative rebalance, with a context that behaves as Connect's: it remembers what the task
 * paused and pauses it again when such a partition is assigned again.
 */
class BrazeSinkTaskBackPressureTest {

    /** Connect's WorkerSinkTaskContext, as far as pausing goes. */
    static final class Context implements SinkTaskContext {
        final Set<TopicPartition> assignment = new HashSet<>();
        final Set<TopicPartition> pausedByTask = new HashSet<>();

        /** What the consumer has paused: what the task asked, of what is assigned. */
        Set<TopicPartition> consumerPaused() {
            Set<TopicPartition> paused = new HashSet<>(pausedByTask);
            paused.retainAll(assignment);
            return paused;
        }

        @Override public Map<String, String> configs() { return Map.of(); }
        @Override public void offset(Map<TopicPartition, Long> offsets) { }
        @Override public void offset(TopicPartition tp, long offset) { }
        @Override public void timeout(long timeoutMs) { }
        @Override public Set<TopicPartition> assignment() { return Set.copyOf(assignment); }
        @Override public void pause(TopicPartition... partitions) { pausedByTask.addAll(List.of(partitions)); }
        @Override public void resume(TopicPartition... partitions) { List.of(partitions).forEach(pausedByTask::remove); }
        @Override public void requestCommit() { }
        @Override public PluginMetrics pluginMetrics() { throw new UnsupportedOperationException(); }
    }

    private static List<SinkRecord> records(TopicPartition tp, int count) {
        List<SinkRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new SinkRecord(tp.topic(), tp.partition(), null, null, null,
                    TestRecords.event("U-" + i, "e"), i));
        }
        return out;
    }

    /**
     * Regression: the task paused all its partitions (buffer full), lost two in a cooperative rebalance, resumed the
     * rest, and got the two back later: Connect paused them again and nothing ever resumed them.
     */
    @Test
    void aPartitionPausedUnderAnOldAssignmentIsResumedWhenItComesBack() {
        TopicPartition p0 = new TopicPartition("t", 0);
        TopicPartition p1 = new TopicPartition("t", 1);
        Context context = new Context();
        BrazeSinkTask task = new BrazeSinkTask();
        task.initialize(context);
        Map<String, String> props = new HashMap<>(Map.of(BrazeSinkConfig.REST_URL, "http://127.0.0.1:1",
                BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true", BrazeSinkConfig.API_KEY, "k",
                BrazeSinkConfig.BUFFER_MAX_RECORDS, "10", BrazeSinkConfig.LINGER_MS, "60000",
                BrazeSinkConfig.TRACK_MAX_OBJECTS, "1000"));
        task.start(props);
        try {
            context.assignment.addAll(Set.of(p0, p1));
            task.open(Set.of(p0, p1));
            task.put(records(p0, 5));
            task.put(records(p1, 6));
            assertEquals(Set.of(p0, p1), context.consumerPaused(), "buffer full: both paused");

            // cooperative rebalance, first round: p1 revoked; the task goes on with p0
            task.close(Set.of(p1));
            context.assignment.remove(p1);
            task.put(List.of()); // 5 left of 10: resumes what it has
            assertTrue(context.consumerPaused().isEmpty());

            // second round: p1 comes back; Connect pauses it again since the task once paused it
            context.assignment.add(p1);
            task.open(Set.of(p1));
            assertTrue(context.consumerPaused().isEmpty(), "p1 must not stay paused: " + context.consumerPaused());
        } finally {
            task.stop();
        }
    }
}
