package io.ticketstream.streams.join.progress;

/**
 * Arithmetic of "complete through": the latest commit time T for which every row committed at or before T
 * that reached Kafka in time has been processed. {@link #NONE} means nothing is known to be complete.
 */
public final class Horizon {

    /** Nothing is known to be complete. */
    public static final long NONE = Long.MIN_VALUE;

    private Horizon() {
    }

    /**
     * A partition whose newest processed commit is {@code progress} is complete through {@code progress - 1}:
     * rows of that same commit (one transaction) may still follow it.
     */
    public static long fromProgress(long progress) {
        return progress == NONE ? NONE : progress - 1;
    }

    /**
     * A partition known to be caught up at wall-clock {@code at} is complete through {@code at - tolerance}:
     * a row committed at T is expected in Kafka by T + tolerance (the arrival-skew tolerance).
     */
    public static long fromCaughtUp(long at, long toleranceMs) {
        return at == NONE ? NONE : at - toleranceMs;
    }
}
