package io.ticketstream.connect.braze.pacing;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Decides when this task's next request to one Braze endpoint may start, from what the WORKSPACE has left.
 * Time is passed in (epoch millis), so the logic is tested on a fake clock; callers wait the returned delay on
 * their own thread.
 *
 * <p>Why not {@code quota × share ÷ tasks}: Braze's limit is per workspace and every response says what the
 * workspace has left ({@code X-RateLimit-Remaining} until {@code X-RateLimit-Reset}). A static split leaves an
 * idle task's slice unused (a task whose partitions drained, a task with no partition, a second connector
 * that is quiet); pacing from the shared remaining budget lets whoever has work use it.
 *
 * <p>How, per clock-aligned window (Braze's windows reset on clock boundaries, not rolling):
 * <ol>
 *   <li>Estimate what the workspace has left now: the lowest Remaining reported in this window, minus this
 *       task's requests started since (not counted in it yet), minus what the OTHER clients (the other tasks,
 *       other connectors, anyone with a key of the workspace) used since, at their observed rate. That rate is
 *       learnt from consecutive responses: the drop in Remaining that this task's own requests do not explain.</li>
 *   <li>Keep {@code (1 − share) × limit} for others ({@code braze.quota.share}): below that, this connector
 *       waits for the next window. With share 1 it may use the whole window.</li>
 *   <li>Spread what is left evenly over the rest of the window, giving the others their observed rate: this
 *       task's rate is {@code left ÷ time left − others' rate} (never below a small floor, so a task is never
 *       starved by a wrong estimate). Tasks that see each other converge on equal rates whose sum uses the
 *       window to its end; a task with nothing to send is simply not seen, and the others take its part.</li>
 *   <li>Nothing left: wait until the window resets, plus a margin for Reset's one-second resolution and a little
 *       jitter, so the tasks do not all fire on the same millisecond.</li>
 * </ol>
 * A 429 blocks until Retry-After (or X-RateLimit-Retry-After, or Reset). The limit itself follows
 * {@code X-RateLimit-Limit} when Braze sends it (a contract change mid-run), else the configured one.
 */
public final class RequestPacer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestPacer.class);

    /** Braze's Reset has a resolution of one second, and clocks differ a little: wait this much past it. */
    static final long RESET_MARGIN_MILLIS = 20;
    /** This task's rate never drops below this fraction of an even spread of what is left. */
    private static final double MIN_RATE_FRACTION = 0.1;

    private final long windowMillis;
    private final int configuredLimit;
    private final double share;
    private final RandomGenerator random;

    private int limit;
    private long windowStart = Long.MIN_VALUE;
    /** Lowest X-RateLimit-Remaining seen in the current window (the limit at the window's start). */
    private long observed;
    private boolean answeredThisWindow;
    private long observedAt;
    /** This task's requests started after {@link #observed} was reported (so not counted in it). */
    private int startedSinceObservation;
    private int startedThisWindow;
    private double othersPerMilli;
    private double previousOthersPerMilli;
    private int answeredInWindow;
    /** Start times of this task's requests in flight (oldest first), for the latency estimate. */
    private final java.util.ArrayDeque<Long> startTimes = new java.util.ArrayDeque<>();
    private double latencyMillis;
    private long nextStartAt = Long.MIN_VALUE;
    private long blockedUntil = Long.MIN_VALUE;
    private int inFlight;

    /**
     * @param quotaRequests the workspace's limit per window for this endpoint (until a response says otherwise)
     * @param share         fraction of each window this connector may use: it leaves {@code (1 − share) × limit}
     * @param expectedPeers  other tasks of this connector (a first guess of who else sends, until answers tell)
     * @param random        jitter source (seeded in tests)
     */
    public RequestPacer(int quotaRequests, Duration window, double share, int expectedPeers, RandomGenerator random) {
        this.windowMillis = window.toMillis();
        // Before the first answers, assume the connector's other tasks are busy too (an even split); answers replace
        // this guess within a window. Without it, tasks that start together each think they are alone.
        this.othersPerMilli = (double) quotaRequests * share * expectedPeers / (expectedPeers + 1) / windowMillis;
        this.previousOthersPerMilli = othersPerMilli;
        this.configuredLimit = quotaRequests;
        this.limit = quotaRequests;
        this.share = share;
        this.random = random;
    }

    /** The limit per window as last known (configured, or X-RateLimit-Limit). */
    public synchronized int limit() {
        return limit;
    }

    /**
     * Takes a permit and returns 0, or returns how many millis to wait before asking again (nothing taken).
     */
    public synchronized long tryAcquire(long now) {
        roll(now);
        if (blockedUntil > now) {
            return blockedUntil - now;
        }
        long windowEnd = windowStart + windowMillis;
        if (startedThisWindow >= limit) {
            return untilNextWindow(now, windowEnd);
        }
        // The others' requests in flight right now are in no answer yet; twice the estimate is the safety margin for
        // the error of the estimate itself (a fraction of a percent of the window at Braze's real limits).
        // (The latency is capped: one request that hung until its timeout must not make the margin the whole window.)
        double othersInFlight = 2 * othersPerMilli * Math.min(latencyMillis, windowMillis / 10.0);
        double left = estimatedRemaining(now) - reserve() - othersInFlight;
        boolean probe = !answeredThisWindow && startedThisWindow == 0;
        if (probe) {
            // The first request of a window is the probe that tells what the workspace has left. Without it, a task
            // that once saw busy neighbours would never ask again and never learn that they went quiet.
            left = Math.max(left, Math.min(1, limit - reserve()));
        }
        if (left < 1) {
            return untilNextWindow(now, windowEnd);
        }
        if (now < nextStartAt) {
            return nextStartAt - now;
        }
        double timeLeft = Math.max(1, windowEnd - now);
        double even = left / timeLeft;
        double ownRate = Math.max(even - othersPerMilli, even * MIN_RATE_FRACTION);
        // The window's last requests: this task's part of what is left is its part of the traffic. Below one
        // request, it sends with that probability (randomised rounding): the tasks together then send about what
        // is left, instead of each sending one and all but one getting a 429.
        double ownPart = left * Math.min(1.0, ownRate / (ownRate + othersPerMilli));
        // (never the probe: a task whose neighbours' rate leaves it a tiny part would draw no probe for minutes, never
        // learn that they went quiet, and deliver nothing; a regression seen on a real worker)
        if (!probe && ownPart < 1 && random.nextDouble() >= ownPart) {
            return untilNextWindow(now, windowEnd);
        }
        // +-10% jitter on the spacing keeps tasks that started together from sending in lock step. A task alone sends
        // the window's last request at half the spacing: planned for the window's last milliseconds it would reach
        // Braze in the next window (HTTP, a busy scheduler), leaving this window one short. (With others sending, the
        // randomised rounding above decides the last requests, and hurrying them would make them collide.)
        boolean alone = othersPerMilli * windowMillis < 1;
        double spacing = 1.0 / ownRate * (0.9 + 0.2 * random.nextDouble()) * (left < 2 && alone ? 0.5 : 1.0);
        nextStartAt = now + (long) Math.floor(spacing);
        startedThisWindow++;
        startedSinceObservation++;
        inFlight++;
        startTimes.addLast(now);
        return 0;
    }

    private long untilNextWindow(long now, long windowEnd) {
        if (log.isDebugEnabled()) {
            log.debug("window spent at +{} ms: started {}, observed {} at +{} ms, started since {}, others {}/s, in flight {}, "
                    + "latency {} ms, limit {}", now - windowStart, startedThisWindow, observed, observedAt - windowStart,
                    startedSinceObservation, othersPerMilli * 1000, inFlight, latencyMillis, limit);
        }
        long jitter = random.nextLong(Math.max(1, Math.min(windowMillis / 20, 50)));
        return windowEnd - now + RESET_MARGIN_MILLIS + jitter;
    }

    private long reserve() {
        return (long) Math.ceil((1.0 - share) * limit - 1e-9);
    }

    /** What the workspace has left now, by this task's best estimate. */
    private double estimatedRemaining(long now) {
        return observed - startedSinceObservation - othersPerMilli * Math.max(0, now - observedAt);
    }

    private void roll(long now) {
        long start = now - Math.floorMod(now, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            // Braze resets the window on the clock boundary: the whole limit was left then. Starting from there, the
            // first answer of the window also tells how much the others used since it began.
            observed = limit;
            observedAt = start;
            answeredThisWindow = false;
            answeredInWindow = 0;
            previousOthersPerMilli = othersPerMilli;
            startedThisWindow = 0;
            // requests still in flight from the last window are counted in the new one by a late server
            startedSinceObservation = inFlight;
            nextStartAt = Long.MIN_VALUE;
        }
    }

    /**
     * A response (not 429) arrived for a request that held a permit. {@code limit}/{@code remaining}/
     * {@code resetEpochSeconds} are the X-RateLimit headers, or negative when absent.
     */
    public synchronized void onResponse(long now, long limitHeader, long remaining, long resetEpochSeconds) {
        completed(now);
        roll(now);
        startedSinceObservation = Math.max(0, startedSinceObservation - 1);
        if (limitHeader > 0 && limitHeader != limit) {
            limit = (int) Math.min(Integer.MAX_VALUE, limitHeader);
        }
        if (remaining < 0 || resetEpochSeconds < 0 || resetEpochSeconds * 1000 <= now) {
            return; // no headers, or they describe a window that is already over
        }
        if (resetEpochSeconds * 1000 < windowStart + 1) {
            return; // an answer from the previous window arriving late
        }
        answeredThisWindow = true;
        answeredInWindow++;
        if (remaining > observed) {
            return; // an older view (answers overtake each other); the lower count is the newer one
        }
        observed = remaining;
        observedAt = now;
        startedSinceObservation = Math.max(0, Math.min(startedSinceObservation, inFlight));
        // What the others used since the window began is what Braze counted less what this task had answered. As a
        // rate over the elapsed part of the window, blended with the last window's rate (weight: half a window), it
        // is steady enough to extrapolate; early in a window it is mostly the last window's.
        long elapsed = Math.max(0, now - windowStart);
        long othersUsed = Math.max(0, limit - remaining - answeredInWindow);
        double prior = windowMillis / 2.0;
        othersPerMilli = (othersUsed + previousOthersPerMilli * prior) / (elapsed + prior);
    }

    private void completed(long now) {
        inFlight = Math.max(0, inFlight - 1);
        Long started = startTimes.pollFirst();
        if (started != null) {
            long latency = Math.max(0, now - started);
            latencyMillis = latencyMillis == 0 ? latency : 0.8 * latencyMillis + 0.2 * latency;
        }
    }

    /** A request that held a permit got no response (timeout, reset). */
    public synchronized void onNoResponse(long now) {
        completed(now);
    }

    /**
     * A 429: block until {@code retryAfterMillis} from now when the response said so (Retry-After or
     * X-RateLimit-Retry-After), else until Reset, else the end of the window.
     */
    public synchronized void onRateLimited(long now, long retryAfterMillis, long resetEpochSeconds) {
        completed(now);
        startedSinceObservation = Math.max(0, startedSinceObservation - 1);
        startedThisWindow = Math.max(0, startedThisWindow - 1);
        roll(now);
        long until;
        if (retryAfterMillis >= 0) {
            until = now + retryAfterMillis;
        } else if (resetEpochSeconds >= 0 && resetEpochSeconds * 1000 > now) {
            until = resetEpochSeconds * 1000 + RESET_MARGIN_MILLIS;
        } else {
            until = windowStart + windowMillis + RESET_MARGIN_MILLIS;
        }
        blockedUntil = Math.max(blockedUntil, until + random.nextLong(Math.max(1, Math.min(windowMillis / 20, 50))));
        if (observed > 0) {
            observed = 0;
            observedAt = now;
        }
    }

    /** The others' request rate this task has observed, per second (a metric). */
    public synchronized double othersPerSecond() {
        return othersPerMilli * 1000;
    }

    /** This task's estimate of what the workspace has left in the current window (a metric). */
    public synchronized double estimatedRemaining() {
        return observed;
    }

    public synchronized int configuredLimit() {
        return configuredLimit;
    }
}
