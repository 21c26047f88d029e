package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The state shared by every request handler of one {@link BrazeSimulator}. */
final class SimulatorCore {

    /** Test hooks, to make requests overlap deterministically (with latches, not sleeps). */
    interface TestHooks {
        /** On a request thread, right after a Braze request arrived (before auth and parsing). */
        default void afterArrival(long requestSequence) {
        }

        /** On a request thread, while the request's users are marked in flight, before it is applied. */
        default void beforeApply(long requestSequence) {
        }
    }

    final ObjectMapper mapper = new ObjectMapper();
    final SimulatorSettings settings;
    final Clock clock;
    final StatsRecorder stats = new StatsRecorder();
    final UserConcurrencyTracker users = new UserConcurrencyTracker();
    final AcceptedLog accepted = new AcceptedLog();
    final FixedWindowRateLimiter trackLimiter;
    final FixedWindowRateLimiter subscriptionLimiter;
    final FixedWindowRateLimiter deleteLimiter;
    private final AtomicReference<ActiveFaults> faults;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();
    /** Requests marked as bulk traffic (X-Braze-Bulk: true), per endpoint. */
    final java.util.Map<String, java.util.concurrent.atomic.LongAdder> bulkRequests = new ConcurrentHashMap<>();
    /** The sequence numbers of those requests: which accepted objects came in bulk traffic. */
    final Set<Long> bulkSequences = ConcurrentHashMap.newKeySet();
    volatile TestHooks testHooks;

    SimulatorCore(SimulatorSettings settings, Clock clock, FixedWindowRateLimiter trackLimiter,
                  FixedWindowRateLimiter subscriptionLimiter, FixedWindowRateLimiter deleteLimiter, FaultPlan faults) {
        this.deleteLimiter = deleteLimiter;
        this.settings = settings;
        this.clock = clock;
        this.trackLimiter = trackLimiter;
        this.subscriptionLimiter = subscriptionLimiter;
        this.faults = new AtomicReference<>(new ActiveFaults(faults));
    }

    /** A revoked key answers 401 like an unknown one, as Braze does once a key is deleted in its dashboard. */
    boolean isRevoked(String apiKey) {
        return revokedKeys.contains(apiKey);
    }

    void revoke(String apiKey) {
        revokedKeys.add(apiKey);
    }

    void reinstate(String apiKey) {
        revokedKeys.remove(apiKey);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    ActiveFaults faults() {
        return faults.get();
    }

    void setFaults(FaultPlan plan) {
        faults.set(new ActiveFaults(plan));
    }

    SimulatorStats stats() {
        List<SimulatorStats.WindowStats> windows = new ArrayList<>(trackLimiter.windowStats());
        windows.addAll(subscriptionLimiter.windowStats());
        windows.addAll(deleteLimiter.windowStats());
        return stats.snapshot(windows, users);
    }

    void reset() {
        sequence.set(0);
        bulkRequests.clear();
        bulkSequences.clear();
        accepted.clear();
        stats.reset();
        users.reset();
        trackLimiter.reset();
        subscriptionLimiter.reset();
        deleteLimiter.reset();
        faults.set(new ActiveFaults(faults.get().plan()));
    }
}
