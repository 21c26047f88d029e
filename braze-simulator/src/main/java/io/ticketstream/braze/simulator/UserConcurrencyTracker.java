package io.ticketstream.braze.simulator;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Detects two in-flight requests naming the same user, which Braze warns can make them overwrite
 * each other; the sink must never do it. One concurrent-map update per distinct user on the way
 * in and one on the way out, so it costs little next to parsing the body.
 */
final class UserConcurrencyTracker {

    private final ConcurrentHashMap<UserId, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicInteger maxPerUser = new AtomicInteger();

    /** Marks the distinct {@code users} as in flight; returns how many were already in flight elsewhere. */
    int enter(Collection<UserId> users) {
        int clashes = 0;
        int max = 0;
        for (UserId user : users) {
            int count = inFlight.merge(user, 1, Integer::sum);
            if (count > 1) {
                clashes++;
            }
            max = Math.max(max, count);
        }
        if (clashes > 0) {
            violations.addAndGet(clashes);
        }
        final int observed = max;
        maxPerUser.accumulateAndGet(observed, Math::max);
        return clashes;
    }

    void exit(Collection<UserId> users) {
        for (UserId user : users) {
            inFlight.computeIfPresent(user, (u, c) -> c == 1 ? null : c - 1);
        }
    }

    long violations() {
        return violations.get();
    }

    int maxConcurrentRequestsForOneUser() {
        return maxPerUser.get();
    }

    void reset() {
        violations.set(0);
        maxPerUser.set(0);
    }
}
