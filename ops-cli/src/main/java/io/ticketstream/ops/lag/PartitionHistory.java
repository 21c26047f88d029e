package io.ticketstream.ops.lag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The memory kept for one partition between rounds: the status window and when the committed offset last changed. */
final class PartitionHistory {
    private final int windowSize;
    private final Deque<OffsetSample> window = new ArrayDeque<>();
    private long lastCommitChangeMs = -1;

    PartitionHistory(int windowSize) {
        this.windowSize = windowSize;
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
    }

    List<OffsetSample> window() {
        return List.copyOf(window);
    }

    long lastCommitChangeMs() {
        return lastCommitChangeMs;
    }
}
