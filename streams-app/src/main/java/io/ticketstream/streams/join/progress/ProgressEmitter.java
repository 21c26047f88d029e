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
 * <p>Idleness is judged for the whole task, not per partition: Kafka Streams feeds a task's partitions in
 * timestamp order, so a partition that gets nothing while its siblings are busy may simply hold newer rows
 * that are not due yet; only a task with nothing at all to process is caught up on every partition.
 */
public final class ProgressEmitter {

    private final long idleMs;
    private final Map<SourcePartition, Long> progress = new LinkedHashMap<>();
    private long lastActivity;

    public ProgressEmitter(Set<SourcePartition> owned, long idleMs, long now) {
        this.idleMs = idleMs;
        this.lastActivity = now;
        owned.forEach(source -> progress.put(source, Horizon.NONE));
    }

    public void processed(SourcePartition source, long commitTs, long now) {
        progress.merge(source, commitTs, Math::max);
        lastActivity = now;
    }

    public Watermark report(long now) {
        boolean idle = now - lastActivity >= idleMs;
        List<PartitionProgress> partitions = new ArrayList<>(progress.size());
        progress.forEach((source, newest) -> partitions.add(new PartitionProgress(source, newest, idle)));
        return new Watermark(now, partitions);
    }
}
