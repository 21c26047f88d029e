package io.ticketstream.streams.join.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The progress of the raw partitions a task reads ITSELF (co-partitioned inputs of one sub-topology).
 *
 * <p>Kafka Streams hands a task's records over in timestamp order across its partitions: before it processes
 * a record with timestamp X, every other partition of the task either has a buffered head at or after X or
 * has nothing left to fetch ({@code max.task.idle.ms} >= 0). So three things make a commit time T complete:
 * <ol>
 *   <li>every partition has processed a row committed after T (each partition is in commit order);</li>
 *   <li>the task has processed a row committed after T, and T is older than the arrival-skew tolerance
 *       (rows of T still on their way from the source are allowed that long);</li>
 *   <li>the task has had nothing to process for a while ({@link CaughtUp}), and T is older than the tolerance.</li>
 * </ol>
 */
public final class LocalProgress {

    private final long toleranceMs;
    private final CaughtUp caughtUp;
    private final Map<SourcePartition, Long> progress = new HashMap<>();
    private long newestProcessed = Horizon.NONE;
    private long lastActivity;

    public LocalProgress(Set<SourcePartition> sources, long toleranceMs, CaughtUp caughtUp, long now) {
        this.toleranceMs = toleranceMs;
        this.caughtUp = caughtUp;
        this.lastActivity = now;
        sources.forEach(source -> progress.put(source, Horizon.NONE));
    }

    /** A row of one of the task's own partitions was processed. */
    public void processed(SourcePartition source, long commitTs, long now) {
        progress.merge(source, commitTs, Math::max);
        newestProcessed = Math.max(newestProcessed, commitTs);
        lastActivity = now;
    }

    public long horizon(long now) {
        long everyPartition = Long.MAX_VALUE;
        for (long partition : progress.values()) {
            everyPartition = Math.min(everyPartition, Horizon.fromProgress(partition));
        }
        long afterTolerance = Horizon.fromCaughtUp(now, toleranceMs);
        long newerRowProcessed = Math.min(Horizon.fromProgress(newestProcessed), afterTolerance);
        long quiet = caughtUp.isCaughtUp(now, lastActivity, newestProcessed) ? afterTolerance : Horizon.NONE;
        return Math.max(progress.isEmpty() ? Horizon.NONE : everyPartition, Math.max(newerRowProcessed, quiet));
    }
}
