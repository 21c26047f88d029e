package io.ticketstream.streams.join.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kept by a task whose output a join in another sub-topology waits for: what it has processed from each
 * partition it owns, turned into a {@link Watermark} on every report.
 *
 * <p>Idleness ({@link CaughtUp}) is judged for the whole task, not per partition: Kafka Streams feeds a task's partitions in
 * timestamp order, so a partition that gets nothing while its siblings are busy may simply hold newer rows
 * that are not due yet; only a task with nothing at all to process is caught up on every partition.
 */
public final class ProgressEmitter {

    private final CaughtUp caughtUp;
    private final Map<SourcePartition, Long> progress = new LinkedHashMap<>();
    private long lastActivity;

    public ProgressEmitter(Set<SourcePartition> owned, CaughtUp caughtUp, long now) {
        this.caughtUp = caughtUp;
        this.lastActivity = now;
        owned.forEach(source -> progress.put(source, Horizon.NONE));
    }

    public void processed(SourcePartition source, long commitTs, long now) {
        progress.merge(source, commitTs, Math::max);
        lastActivity = now;
    }

    public Watermark report(long now) {
        long newest = progress.values().stream().mapToLong(Long::longValue).max().orElse(Horizon.NONE);
        boolean idle = caughtUp.isCaughtUp(now, lastActivity, newest);
        List<PartitionProgress> partitions = new ArrayList<>(progress.size());
        progress.forEach((source, processed) -> partitions.add(new PartitionProgress(source, processed, idle)));
        return new Watermark(now, partitions);
    }
}
