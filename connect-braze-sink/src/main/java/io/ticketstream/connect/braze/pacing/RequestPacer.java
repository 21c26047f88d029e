package io.ticketstream.connect.braze.pacing;

import java.time.Duration;

/**
 * Decides when the next request to one Braze endpoint may start. Time is passed in (epoch millis), so the
 * logic is tested on a fake clock; callers wait the returned delay on their own thread.
 *
 * <p>Three limits, all must allow a request:
 * <ol>
 *   <li>a token bucket at this task's share of the quota ({@code quota × share ÷ tasks} per window), with a small
 *       burst, so requests are spread over the window instead of bunched at its start;</li>
 *   <li>a count per clock-aligned window capped at the same share (Braze's windows reset on clock boundaries,
 *       not rolling; a bucket alone could put share + burst into one window);</li>
 *   <li>the workspace's own count from the last response's {@code X-RateLimit-Remaining}/{@code -Reset}: other
 *       clients share the quota, so Remaining may be far lower than our share says. Requests still in flight
 *       when a response arrives are subtracted, and the remainder is split among the tasks.</li>
 * </ol>
 * A 429 blocks the endpoint until Retry-After (or X-RateLimit-Retry-After, or Reset).
 */
public final class RequestPacer {

    /** Braze's Reset has a resolution of one second, and clocks differ a little: wait this much past it. */
    static final long RESET_MARGIN_MILLIS = 50;
    private static final double REFILL_HEADROOM = 1.1;

    private final long windowMillis;
    private final int permitsPerWindow;
    private final int taskCount;
    private final double refillPerMilli;
    private final double bucketCapacity;

    private double tokens;
    private long lastRefill = Long.MIN_VALUE;
    private long localWindowStart = Long.MIN_VALUE;
    private int localWindowUsed;

    private long serverResetAt = Long.MIN_VALUE;
    private long serverBudget = Long.MAX_VALUE;
    private long blockedUntil = Long.MIN_VALUE;
    private int inFlight;

    /**
     * @param quotaRequests workspace requests per window
     * @param share         fraction of the quota this connector may use
     * @param taskCount     tasks of this connector sharing that fraction
     * @param maxInFlight   concurrent requests of this task (bounds the burst)
     */
    public RequestPacer(int quotaRequests, Duration window, double share, int taskCount, int maxInFlight) {
        this.windowMillis = window.toMillis();
        this.taskCount = Math.max(1, taskCount);
        this.permitsPerWindow = Math.max(1, (int) Math.floor(quotaRequests * share / this.taskCount));
        // The bucket refills 10% faster than the share: it only smooths, the per-window count below is the hard
        // cap. At exactly the share, every scheduling delay on a busy host would lose tokens for good.
        this.refillPerMilli = permitsPerWindow * REFILL_HEADROOM / windowMillis;
        // a burst of a few requests keeps all senders busy without bunching the window's budget at its start
        this.bucketCapacity = Math.max(1, Math.min(permitsPerWindow / 10.0, Math.max(2, maxInFlight)));
        this.tokens = bucketCapacity;
    }

    public int permitsPerWindow() {
        return permitsPerWindow;
    }

    /**
     * Takes a permit and returns 0, or returns how many millis to wait before asking again (nothing taken).
     */
    public synchronized long tryAcquire(long now) {
        refill(now);
        long wait = 0;
        if (blockedUntil > now) {
            wait = Math.max(wait, blockedUntil - now);
        }
        if (serverResetAt > now && serverBudget <= 0) {
            wait = Math.max(wait, serverResetAt + RESET_MARGIN_MILLIS - now);
        }
        long windowStart = now - Math.floorMod(now, windowMillis);
        if (windowStart != localWindowStart) {
            localWindowStart = windowStart;
            localWindowUsed = 0;
        }
        if (localWindowUsed >= permitsPerWindow) {
            wait = Math.max(wait, windowStart + windowMillis - now);
        }
        if (tokens < 1) {
            wait = Math.max(wait, (long) Math.ceil((1 - tokens) / refillPerMilli));
        }
        if (wait > 0) {
            return wait;
        }
        tokens -= 1;
        localWindowUsed++;
        if (serverResetAt > now) {
            serverBudget--;
        }
        inFlight++;
        return 0;
    }

    private void refill(long now) {
        if (lastRefill == Long.MIN_VALUE) {
            lastRefill = now;
            return;
        }
        if (now > lastRefill) {
            tokens = Math.min(bucketCapacity, tokens + (now - lastRefill) * refillPerMilli);
            lastRefill = now;
        }
        if (serverResetAt != Long.MIN_VALUE && now >= serverResetAt) {
            // the server's window has reset: its count no longer applies until the next response says otherwise
            serverResetAt = Long.MIN_VALUE;
            serverBudget = Long.MAX_VALUE;
        }
    }

    /**
     * A response arrived for a request that held a permit. {@code remaining}/{@code resetEpochSeconds} are the
     * X-RateLimit headers, or negative when absent.
     */
    public synchronized void onResponse(long now, long remaining, long resetEpochSeconds) {
        inFlight = Math.max(0, inFlight - 1);
        if (remaining < 0 || resetEpochSeconds < 0) {
            return;
        }
        long resetAt = resetEpochSeconds * 1000;
        if (resetAt <= now) {
            return; // describes a window that is already over
        }
        // requests still in flight may not be counted in Remaining yet; other tasks see the same Remaining
        long budget = (remaining - inFlight) / taskCount;
        if (resetAt > serverResetAt) {
            serverResetAt = resetAt;
            serverBudget = budget;
        } else if (resetAt == serverResetAt) {
            serverBudget = Math.min(serverBudget, budget);
        }
    }

    /** A request that held a permit got no response (timeout, reset). */
    public synchronized void onNoResponse() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * A 429: block until {@code retryAfterMillis} from now when the response said so (Retry-After or
     * X-RateLimit-Retry-After), else until Reset, else one window. Also counts as a response.
     */
    public synchronized void onRateLimited(long now, long retryAfterMillis, long resetEpochSeconds) {
        inFlight = Math.max(0, inFlight - 1);
        long until;
        if (retryAfterMillis >= 0) {
            until = now + retryAfterMillis;
        } else if (resetEpochSeconds >= 0 && resetEpochSeconds * 1000 > now) {
            until = resetEpochSeconds * 1000 + RESET_MARGIN_MILLIS;
        } else {
            until = now - Math.floorMod(now, windowMillis) + windowMillis + RESET_MARGIN_MILLIS;
        }
        blockedUntil = Math.max(blockedUntil, until);
        tokens = Math.min(tokens, 0);
        if (resetEpochSeconds >= 0 && resetEpochSeconds * 1000 > now) {
            serverResetAt = Math.max(serverResetAt, resetEpochSeconds * 1000);
            serverBudget = 0;
        }
    }

    /** For metrics and tests. */
    public synchronized long serverBudget() {
        return serverBudget;
    }

    public synchronized long blockedUntil() {
        return blockedUntil;
    }
}
