package io.ticketstream.braze.simulator;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Detects two requests naming the same user that were in flight at the same time, which Braze
 * warns can make them overwrite each other; the sink must never do it.
 *
 * <p>A request is in flight from its arrival (headers read) until its response starts. Its users
 * are only known once the body is parsed, so each user also remembers when its last request
 * ended: a request clashes with another if that one is still in flight, or ended after this one
 * arrived. That is an exact interval-overlap test, so a client that waits for each response
 * before sending the next request for the same user is never flagged (its next request can only
 * arrive after the previous response started), however the server threads are scheduled.
 *
 * <p>Cost: one concurrent-map update per distinct user on the way in and one on the way out.
 * Users idle for a minute are forgotten, so memory follows the recently active users.
 */
final class UserConcurrencyTracker {

    /** Requests are far shorter than this; an idle user older than it can clash with nothing. */
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int SWEEP_ABOVE_USERS = 100_000;
    private static final int SWEEP_EVERY_EXITS = 10_000;

    /** Mutated only inside the map's compute functions, which lock the entry. */
    private static final class UserState {
        int inFlight;
        boolean ended;
        /** nanoTime values are compared by difference only: they may be negative or wrap. */
        long lastEndNanos;
    }

    private final ConcurrentHashMap<UserId, UserState> users = new ConcurrentHashMap<>();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicInteger maxPerUser = new AtomicInteger();
    private final AtomicLong exits = new AtomicLong();

    /**
     * Marks the distinct {@code ids} as in flight for a request that arrived at {@code arrivalNanos}
     * ({@link System#nanoTime()}); returns how many of them clash with another request.
     */
    int enter(Collection<UserId> ids, long arrivalNanos) {
        int[] clashes = new int[1];
        int[] max = new int[1];
        for (UserId id : ids) {
            users.compute(id, (key, state) -> {
                UserState s = state == null ? new UserState() : state;
                s.inFlight++;
                int concurrent = s.inFlight + (s.ended && s.lastEndNanos - arrivalNanos > 0 ? 1 : 0);
                if (concurrent > 1) {
                    clashes[0]++;
                }
                max[0] = Math.max(max[0], concurrent);
                return s;
            });
        }
        if (clashes[0] > 0) {
            violations.addAndGet(clashes[0]);
        }
        maxPerUser.accumulateAndGet(max[0], Math::max);
        return clashes[0];
    }

    /** The request that entered {@code ids} is about to respond, at {@code endNanos}. */
    void exit(Collection<UserId> ids, long endNanos) {
        for (UserId id : ids) {
            users.computeIfPresent(id, (key, s) -> {
                s.inFlight--;
                if (!s.ended || endNanos - s.lastEndNanos > 0) {
                    s.lastEndNanos = endNanos;
                    s.ended = true;
                }
                return s;
            });
        }
        if (exits.incrementAndGet() % SWEEP_EVERY_EXITS == 0 && users.size() > SWEEP_ABOVE_USERS) {
            forgetIdleUsers(endNanos);
        }
    }

    private void forgetIdleUsers(long nowNanos) {
        for (UserId id : users.keySet()) {
            users.computeIfPresent(id, (key, s) ->
                    s.inFlight == 0 && nowNanos - s.lastEndNanos > FORGET_AFTER_NANOS ? null : s);
        }
    }

    long violations() {
        return violations.get();
    }

    int maxConcurrentRequestsForOneUser() {
        return maxPerUser.get();
    }

    /** Keeps what is in flight (those requests will still exit) and the end times (still needed to judge them). */
    void reset() {
        violations.set(0);
        maxPerUser.set(0);
    }
}
