package io.ticketstream.braze.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Braze's rate limit for one endpoint: a request budget per fixed window, the windows aligned on
 * clock boundaries (epoch millis divisible by the window length), not rolling, as Braze's docs say.
 * Also keeps per-window counts for {@link SimulatorStats}.
 *
 * <p>One lock per endpoint: the critical section is a few arithmetic operations, far cheaper than
 * the HTTP exchange around it.
 */
final class FixedWindowRateLimiter {

    /** Keeps stats memory bounded when the local stack runs for days with 3-second windows. */
    private static final int MAX_WINDOWS_KEPT = 10_000;

    /** The outcome of one request against the limit; the header values to send. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    private final String endpoint;
    private int limit;
    private final long windowMillis;
    private final Clock clock;

    private long currentWindow = Long.MIN_VALUE;
    private int usedInCurrentWindow;
    private final LinkedHashMap<Long, long[]> countsByWindow = new LinkedHashMap<>();

    FixedWindowRateLimiter(String endpoint, int limit, Duration window, Clock clock) {
        if (limit <= 0) {
            throw new IllegalArgumentException("rate limit for " + endpoint + ": " + limit + " is not positive");
        }
        if (window.toMillis() <= 0) {
            throw new IllegalArgumentException("rate-limit window for " + endpoint + ": " + window + " is shorter than 1 ms");
        }
        this.endpoint = endpoint;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts a request; {@code forceReject} answers 429 without using budget (a forced 429 storm). */
    synchronized Decision acquire(boolean forceReject) {
        long now = clock.millis();
        long window = Math.floorDiv(now, windowMillis);
        rollTo(window);
        long[] counts = countsByWindow.computeIfAbsent(window, w -> new long[2]);
        counts[0]++;
        boolean allowed = !forceReject && usedInCurrentWindow < limit;
        if (allowed) {
            usedInCurrentWindow++;
        } else {
            counts[1]++;
        }
        Decision decision = decision(allowed, window, now);
        // A forced 429 stands for other clients of the workspace having used the budget up.
        return forceReject ? new Decision(false, limit, 0, decision.resetEpochSecond(), decision.retryAfterSeconds()) : decision;
    }

    /** The current state without counting a request (for 401/403/404 responses, which still carry the headers). */
    synchronized Decision peek() {
        long now = clock.millis();
        long window = Math.floorDiv(now, windowMillis);
        rollTo(window);
        return decision(true, window, now);
    }

    private Decision decision(boolean allowed, long window, long now) {
        long endMillis = (window + 1) * windowMillis;
        long resetEpochSecond = Math.floorDiv(endMillis + 999, 1000);
        long retryAfterSeconds = Math.max(1, Math.floorDiv(endMillis - now + 999, 1000));
        return new Decision(allowed, limit, Math.max(0, limit - usedInCurrentWindow), resetEpochSecond, retryAfterSeconds);
    }

    private void rollTo(long window) {
        if (window != currentWindow) {
            // A clock moved backwards (tests) also starts a fresh window: budget is per window index.
            currentWindow = window;
            usedInCurrentWindow = 0;
            trim();
        }
    }

    synchronized List<SimulatorStats.WindowStats> windowStats() {
        List<SimulatorStats.WindowStats> out = new ArrayList<>(countsByWindow.size());
        for (Map.Entry<Long, long[]> e : countsByWindow.entrySet()) {
            long startMillis = e.getKey() * windowMillis;
            long endMillis = startMillis + windowMillis;
            out.add(new SimulatorStats.WindowStats(endpoint, Math.floorDiv(startMillis, 1000),
                    Math.floorDiv(endMillis + 999, 1000), e.getValue()[0], e.getValue()[1]));
        }
        out.sort(java.util.Comparator.comparingLong(SimulatorStats.WindowStats::startEpochSecond));
        return out;
    }

    private void trim() {
        Iterator<Long> it = countsByWindow.keySet().iterator();
        while (countsByWindow.size() > MAX_WINDOWS_KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** A contract change: from now on {@code newLimit} requests per window (the current window included). */
    synchronized void setLimit(int newLimit) {
        if (newLimit <= 0) {
            throw new IllegalArgumentException("rate limit for " + endpoint + ": " + newLimit + " is not positive");
        }
        this.limit = newLimit;
    }

    synchronized void reset() {
        currentWindow = Long.MIN_VALUE;
        usedInCurrentWindow = 0;
        countsByWindow.clear();
    }
}
