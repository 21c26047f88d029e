package io.ticketstream.ops.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Burrow rule on synthetic windows; times are explicit (a fake clock), one sample every 10 s. */
class StatusEvaluatorTest {
    private static final long STEP = 10_000;
    private final StatusEvaluator evaluator = new StatusEvaluator(Duration.ofMinutes(5));

    /** committed[i] and end[i] at t = i * STEP. */
    private static List<OffsetSample> window(long[] committed, long[] end) {
        List<OffsetSample> samples = new ArrayList<>();
        for (int i = 0; i < committed.length; i++) {
            samples.add(new OffsetSample(i * STEP, committed[i], end[i]));
        }
        return samples;
    }

    private LagStatus evaluate(long[] committed, long[] end, long lastCommitChangeMs) {
        List<OffsetSample> w = window(committed, end);
        return evaluator.evaluate(w, lastCommitChangeMs, w.get(w.size() - 1).timestampMs());
    }

    @Test
    void committedOffsetGoingBackwardsIsRewind() {
        assertEquals(LagStatus.REWIND, evaluate(new long[] {50, 60, 20, 30}, new long[] {100, 100, 100, 100}, 20_000));
    }

    @Test
    void rewindWinsEvenWhenLagWasZero() {
        assertEquals(LagStatus.REWIND, evaluate(new long[] {100, 0}, new long[] {100, 100}, 10_000));
    }

    @Test
    void lagZeroAtSomePointIsOk() {
        assertEquals(LagStatus.OK, evaluate(new long[] {100, 110, 120}, new long[] {100, 150, 200}, 20_000));
    }

    @Test
    void lagIncreasingAcrossTheWholeWindowIsWarn() {
        assertEquals(LagStatus.WARN, evaluate(new long[] {10, 20, 30, 40}, new long[] {100, 120, 140, 160}, 30_000));
    }

    @Test
    void lagThatWentDownOnceIsNotWarn() {
        assertEquals(LagStatus.OK, evaluate(new long[] {10, 20, 60, 70}, new long[] {100, 120, 140, 180}, 30_000));
    }

    @Test
    void committedNotMovingWithLagIsStall() {
        assertEquals(LagStatus.STALL, evaluate(new long[] {10, 10, 10}, new long[] {100, 100, 100}, 0));
    }

    @Test
    void notMovingRecentlyWhileRecordsArriveIsStallUntilTheStopThreshold() {
        long[] committed = {10, 10, 10};
        long[] end = {100, 120, 140};
        List<OffsetSample> w = window(committed, end);
        // last commit change seen 20 s ago: stalled, not stopped yet
        assertEquals(LagStatus.STALL, evaluator.evaluate(w, 0, 20_000));
        // same window, but the offset has not changed for 6 minutes: the consumer is gone
        assertEquals(LagStatus.STOP, evaluator.evaluate(w, 0, Duration.ofMinutes(6).toMillis()));
    }

    @Test
    void noCommitsForLongButNoNewRecordsIsStallNotStop() {
        List<OffsetSample> w = window(new long[] {10, 10}, new long[] {100, 100});
        assertEquals(LagStatus.STALL, evaluator.evaluate(w, 0, Duration.ofHours(1).toMillis()));
    }

    @Test
    void singleSampleWithLagIsUnknownAndWithoutLagIsOk() {
        assertEquals(LagStatus.UNKNOWN, evaluate(new long[] {10}, new long[] {100}, 0));
        assertEquals(LagStatus.OK, evaluate(new long[] {100}, new long[] {100}, 0));
    }

    @Test
    void progressingConsumerWithStableLagIsOk() {
        assertEquals(LagStatus.OK, evaluate(new long[] {10, 30, 50}, new long[] {50, 70, 90}, 20_000));
    }

    @Test
    void groupRollUpFollowsBurrow() {
        assertEquals("ERR", LagStatus.groupStatus(List.of(LagStatus.OK, LagStatus.STALL)));
        assertEquals("WARN", LagStatus.groupStatus(List.of(LagStatus.OK, LagStatus.WARN)));
        assertEquals("OK", LagStatus.groupStatus(List.of(LagStatus.OK, LagStatus.UNKNOWN)));
    }
}
