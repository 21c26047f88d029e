package io.ticketstream.ops.lag;

import java.time.Duration;
import java.util.List;

/**
 * Burrow's partition rules, applied in this order to the sliding window of samples (oldest first):
 * <ol>
 *   <li>REWIND: the committed offset went down between two samples;</li>
 *   <li>OK: the lag was zero in some sample (lag counts data records: a commit marker at the end is not lag);</li>
 *   <li>UNKNOWN: only one sample (with lag above zero) — not enough to judge;</li>
 *   <li>STOP: the committed offset did not move across the window, the end offset did, and the committed offset
 *       has not changed for at least {@code stopAfter} (the Admin API has no commit timestamps, so "last commit"
 *       is the time this tool first saw the current committed offset: a lower bound on the real age);</li>
 *   <li>STALL: the committed offset did not move across the window (and lag is above zero);</li>
 *   <li>WARN: the committed offset moved but the lag never went down and grew from first to last sample;</li>
 *   <li>otherwise OK.</li>
 * </ol>
 */
public final class StatusEvaluator {
    private final long stopAfterMs;

    public StatusEvaluator(Duration stopAfter) {
        this.stopAfterMs = stopAfter.toMillis();
    }

    public LagStatus evaluate(List<OffsetSample> window, long lastCommitChangeMs, long nowMs) {
        if (window.isEmpty()) {
            return LagStatus.UNKNOWN;
        }
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).committedOffset() < window.get(i - 1).committedOffset()) {
                return LagStatus.REWIND;
            }
        }
        if (window.stream().anyMatch(s -> s.lag() == 0)) {
            return LagStatus.OK;
        }
        if (window.size() < 2) {
            return LagStatus.UNKNOWN;
        }
        OffsetSample first = window.get(0);
        OffsetSample last = window.get(window.size() - 1);
        if (first.committedOffset() == last.committedOffset()) {
            boolean endMoved = last.dataEndOffset() > first.dataEndOffset(); // new data records, not just markers
            return endMoved && nowMs - lastCommitChangeMs >= stopAfterMs ? LagStatus.STOP : LagStatus.STALL;
        }
        boolean neverDecreased = true;
        for (int i = 1; i < window.size(); i++) {
            neverDecreased &= window.get(i).lag() >= window.get(i - 1).lag();
        }
        return neverDecreased && last.lag() > first.lag() ? LagStatus.WARN : LagStatus.OK;
    }
}
