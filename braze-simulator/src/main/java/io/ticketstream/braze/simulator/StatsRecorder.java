package io.ticketstream.braze.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters behind {@link SimulatorStats}; the rate limiters and the user tracker keep their own. */
final class StatsRecorder {

    /** Histogram buckets: 0..HISTOGRAM_MAX objects, anything larger lands in the last bucket. */
    private static final int HISTOGRAM_MAX = 1024;

    private final ConcurrentHashMap<String, LongAdder> requestsByEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();
    private final AtomicLongArray objectsPerRequest = new AtomicLongArray(HISTOGRAM_MAX + 1);
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder acceptedObjects = new LongAdder();
    private final LongAdder objectErrors = new LongAdder();
    private final LongAdder connectionResets = new LongAdder();
    private final LongAdder injectedServerErrors = new LongAdder();
    private final LongAdder appliedThenFailed = new LongAdder();
    private final LongAdder queued = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void requestStarted(String endpoint) {
        requestsByEndpoint.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    int inFlight() {
        return inFlight.get();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    void response(int status) {
        responsesByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 429) {
            tooManyRequests.increment();
        }
    }

    void trackRequestValidated(int objectCount) {
        objectsPerRequest.incrementAndGet(Math.min(objectCount, HISTOGRAM_MAX));
    }

    void applied(int accepted, int errors) {
        acceptedObjects.add(accepted);
        objectErrors.add(errors);
    }

    void connectionReset() {
        connectionResets.increment();
    }

    void injectedServerError(boolean applied) {
        injectedServerErrors.increment();
        if (applied) {
            appliedThenFailed.increment();
        }
    }

    void queued() {
        queued.increment();
    }

    SimulatorStats snapshot(List<SimulatorStats.WindowStats> windows, UserConcurrencyTracker users) {
        Map<String, Long> endpoints = new HashMap<>();
        requestsByEndpoint.forEach((k, v) -> endpoints.put(k, v.sum()));
        Map<Integer, Long> statuses = new HashMap<>();
        responsesByStatus.forEach((k, v) -> statuses.put(k, v.sum()));
        Map<Integer, Long> histogram = new HashMap<>();
        long requests = 0;
        long objects = 0;
        for (int i = 0; i <= HISTOGRAM_MAX; i++) {
            long n = objectsPerRequest.get(i);
            if (n > 0) {
                histogram.put(i, n);
                requests += n;
                objects += n * i;
            }
        }
        return new SimulatorStats(endpoints, statuses, new ArrayList<>(windows), tooManyRequests.sum(),
                maxInFlight.get(), users.maxConcurrentRequestsForOneUser(), users.violations(),
                histogram, requests == 0 ? 0.0 : (double) objects / requests,
                acceptedObjects.sum(), objectErrors.sum(), connectionResets.sum(),
                injectedServerErrors.sum(), appliedThenFailed.sum(), queued.sum());
    }

    void reset() {
        requestsByEndpoint.clear();
        responsesByStatus.clear();
        for (int i = 0; i <= HISTOGRAM_MAX; i++) {
            objectsPerRequest.set(i, 0);
        }
        tooManyRequests.reset();
        acceptedObjects.reset();
        objectErrors.reset();
        connectionResets.reset();
        injectedServerErrors.reset();
        appliedThenFailed.reset();
        queued.reset();
        maxInFlight.set(inFlight.get());
    }
}
