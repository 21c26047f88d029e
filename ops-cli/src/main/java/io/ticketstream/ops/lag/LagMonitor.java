package io.ticketstream.ops.lag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive snapshots into per-partition verdicts: keeps each partition's window and evaluates the status.
 * Partitions that disappear from a snapshot (group deleted, no longer selected) are forgotten, so stale series do
 * not linger in the exporter.
 */
public final class LagMonitor {
    private final int windowSize;
    private final StatusEvaluator evaluator;
    private final Map<PartitionKey, PartitionHistory> histories = new HashMap<>();

    public LagMonitor(int windowSize, StatusEvaluator evaluator) {
        if (windowSize < 2) {
            throw new IllegalArgumentException("window must hold at least 2 samples, was " + windowSize);
        }
        this.windowSize = windowSize;
        this.evaluator = evaluator;
    }

    public synchronized List<PartitionLag> update(Snapshot snapshot) {
        histories.keySet().retainAll(snapshot.partitions().keySet());
        List<PartitionLag> result = new ArrayList<>();
        snapshot.partitions().forEach((key, sample) -> {
            PartitionHistory history = histories.computeIfAbsent(key, k -> new PartitionHistory(windowSize));
            history.record(sample);
            List<OffsetSample> window = history.window();
            result.add(new PartitionLag(key, sample.committedOffset(), sample.endOffset(), sample.dataEndOffset(),
                    sample.lag(), sample.lagSeconds(),
                    evaluator.evaluate(window, history.lastCommitChangeMs(), snapshot.timestampMs()), window.size()));
        });
        return result;
    }
}
