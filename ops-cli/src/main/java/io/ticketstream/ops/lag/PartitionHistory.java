package io.ticketstream.ops.lag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The memory kept for one partition between rounds: the status window, the end-offset table, the last commit change. */
final class PartitionHistory {
    private final int windowSize;
    private final Deque<OffsetSample> window = new ArrayDeque<>();
    private final EndOffsetTable endOffsets;
    private long lastCommitChangeMs = -1;

    PartitionHistory(int windowSize, int tableSize) {
        this.windowSize = windowSize;
        this.endOffsets = new EndOffsetTable(tableSize);
    }

    void record(OffsetSample sample) {
        OffsetSample previous = window.peekLast();
        if (previous == null || previous.committedOffset() != sample.committedOffset()) {
            lastCommitChangeMs = sample.timestampMs();
        }
        window.addLast(sample);
        while (window.size() > windowSize) {
            window.removeFirst();
        }
        endOffsets.add(sample.endOffset(), sample.timestampMs());
    }

    List<OffsetSample> window() {
        return List.copyOf(window);
    }

    EndOffsetTable endOffsets() {
        return endOffsets;
    }

    long lastCommitChangeMs() {
        return lastCommitChangeMs;
    }
}
