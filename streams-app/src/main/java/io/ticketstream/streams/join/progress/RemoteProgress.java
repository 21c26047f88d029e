package io.ticketstream.streams.join.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The progress of source partitions processed by OTHER tasks, learnt from their {@link Watermark}s. A join
 * that reads those tasks' output from a repartition topic sees their records in arrival order, not commit
 * order; only their watermarks say what has certainly arrived.
 *
 * <p>Every expected source holds the horizon back until it has reported: at start-up and after a
 * rebalance a join waits for one watermark of every upstream task rather than guessing.
 */
public final class RemoteProgress {

    private final long toleranceMs;
    private final Map<SourcePartition, long[]> bySource = new HashMap<>(); // {progress, latest idle claim}

    public RemoteProgress(Set<SourcePartition> expected, long toleranceMs) {
        this.toleranceMs = toleranceMs;
        expected.forEach(source -> bySource.put(source, new long[] {Horizon.NONE, Horizon.NONE}));
    }

    /** Applies a report. Reports may arrive late or twice: progress and idle claims only ever move forward. */
    public void onWatermark(Watermark watermark) {
        for (PartitionProgress partition : watermark.partitions()) {
            // A source the topology did not expect (its topic grew) counts from now on.
            long[] state = bySource.computeIfAbsent(partition.source(), s -> new long[] {Horizon.NONE, Horizon.NONE});
            state[0] = Math.max(state[0], partition.progress());
            if (partition.idle()) {
                state[1] = Math.max(state[1], watermark.emittedAt());
            }
        }
    }

    /** The latest commit time through which every source is complete ({@link Horizon#NONE} if unknown). */
    public long horizon() {
        long horizon = Long.MAX_VALUE;
        for (long[] state : bySource.values()) {
            long source = Math.max(Horizon.fromProgress(state[0]), Horizon.fromCaughtUp(state[1], toleranceMs));
            horizon = Math.min(horizon, source);
        }
        return bySource.isEmpty() ? Horizon.NONE : horizon;
    }

    /** For logs and metrics: the sources holding the horizon back. */
    public Map<SourcePartition, Long> horizonBySource() {
        Map<SourcePartition, Long> out = new HashMap<>();
        bySource.forEach((source, state) -> out.put(source,
                Math.max(Horizon.fromProgress(state[0]), Horizon.fromCaughtUp(state[1], toleranceMs))));
        return out;
    }
}
