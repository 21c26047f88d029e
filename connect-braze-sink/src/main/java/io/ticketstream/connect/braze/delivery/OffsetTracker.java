package io.ticketstream.connect.braze.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the offsets handed to put() that are not yet delivered to Braze nor reported. The committable
 * offset is the lowest such offset (everything below it is done), or one past the highest seen when none is
 * pending. Requests complete out of order; this keeps the commit at the highest CONTIGUOUS delivered offset.
 */
public final class OffsetTracker {

    private static final class PartitionState {
        final TreeSet<Long> pending = new TreeSet<>();
        long highestSeen = -1;
    }

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    public synchronized void register(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.pending.add(offset);
        state.highestSeen = Math.max(state.highestSeen, offset);
    }

    /** Delivered, or reported to the dead-letter queue / logged per behavior.on.error. */
    public synchronized void markDone(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
            state.pending.remove(offset);
        }
    }

    /** Committable offsets (next offset to consume) for every partition that has seen a record. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        partitions.forEach((partition, state) -> {
            if (state.highestSeen < 0) {
                return;
            }
            long next = state.pending.isEmpty() ? state.highestSeen + 1 : state.pending.first();
            out.put(partition, new OffsetAndMetadata(next));
        });
        return out;
    }

    public synchronized int pendingCount() {
        return partitions.values().stream().mapToInt(s -> s.pending.size()).sum();
    }

    public synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
