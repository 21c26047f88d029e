package io.ticketstream.streams.join;

import io.ticketstream.streams.join.progress.CaughtUp;

import java.time.Duration;

/**
 * How the join stage decides that a fact is complete (see streams-app/README.md, "When a fact is complete").
 *
 * @param saleGrace          a dimension version committed up to this long after a fact may still be used when
 *                           none existed at the fact's time; a fact with no version waits this long (in the
 *                           dimension's own progress) before it is emitted with *_known=false
 * @param tolerance          arrival-skew tolerance: a row committed at T is taken into a fact at T if it reaches
 *                           Kafka by T + tolerance
 * @param idle               a live task that processed nothing for this long is caught up
 * @param backlogIdle        a task that is not live (never processed a row, or only old commits) is caught up after
 *                           this long without rows
 * @param watermarkInterval  how often upstream tasks report their progress to the joins that wait for them
 * @param maxWait            wall-clock bound: no fact waits longer than this, whatever is missing
 * @param dimensionHistory   how far back "as of" lookups of dimension versions reach
 */
public record JoinSettings(Duration saleGrace, Duration tolerance, Duration idle, Duration backlogIdle,
                           Duration watermarkInterval, Duration maxWait, Duration dimensionHistory) {

    public long saleGraceMs() { return saleGrace.toMillis(); }

    public long toleranceMs() { return tolerance.toMillis(); }

    /** When a quiet task counts as caught up. */
    public CaughtUp caughtUp() { return new CaughtUp(idle.toMillis(), backlogIdle.toMillis()); }

    public long maxWaitMs() { return maxWait.toMillis(); }
}
