package io.ticketstream.braze.simulator;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FaultPlan} in force, with the state it consumes: the forced-429 budget and the count of
 * requests it has drawn for. Replaced as a whole by {@link BrazeSimulator#setFaults(FaultPlan)}.
 */
final class ActiveFaults {

    /** What the plan decided for one request. {@code serverError} is 0 for none. */
    record Decision(long latencyMillis, boolean connectionReset, int serverError, boolean appliedBeforeFailure,
                    boolean queued) {
        static final Decision NONE = new Decision(0, false, 0, false, false);
    }

    private final FaultPlan plan;
    private final AtomicInteger forcedTooManyRequestsLeft;
    private final AtomicLong draws = new AtomicLong();

    ActiveFaults(FaultPlan plan) {
        this.plan = plan;
        this.forcedTooManyRequestsLeft = new AtomicInteger(plan.forcedTooManyRequests());
    }

    FaultPlan plan() {
        return plan;
    }

    /** Whether this request must get a forced 429 (consumes one of the storm's N if so). */
    boolean forceTooManyRequests(Instant now) {
        if (plan.inTooManyRequestsWindow(now)) {
            return true;
        }
        return forcedTooManyRequestsLeft.get() > 0 && forcedTooManyRequestsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /**
     * The faults for the next request that got past auth, rate limit and size checks. Draw n uses a
     * generator seeded with (seed, n), always drawing the same values in the same order, so a plan
     * replays identically for the same request order.
     */
    Decision draw() {
        if (plan == FaultPlan.none()) {
            return Decision.NONE;
        }
        long n = draws.incrementAndGet();
        SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + n);
        double resetDraw = random.nextDouble();
        double errorDraw = random.nextDouble();
        int codeIndex = random.nextInt(plan.serverErrorCodes().size());
        double appliedDraw = random.nextDouble();
        double queuedDraw = random.nextDouble();
        long jitterMillis = plan.latencyJitter().isZero() ? 0 : random.nextLong(plan.latencyJitter().toMillis() + 1);

        long latency = plan.fixedLatency().toMillis() + jitterMillis;
        if (resetDraw < plan.connectionResetProbability()) {
            return new Decision(latency, true, 0, false, false);
        }
        if (errorDraw < plan.serverErrorProbability()) {
            int code = plan.serverErrorCodes().get(codeIndex);
            // Braze: 502 never reached Braze; 503/504 (and, docs silent, 500) may have been applied.
            boolean applied = code != 502 && appliedDraw < plan.appliedBeforeFailureProbability();
            return new Decision(latency, false, code, applied, false);
        }
        return new Decision(latency, false, 0, false, queuedDraw < plan.queuedProbability());
    }
}
