package io.ticketstream.braze.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of what the Braze simulator (a stand-in, not Braze) has seen since
 * {@link BrazeSimulator#start()} or {@link BrazeSimulator#reset()}. Serializable to JSON as-is
 * (it is the body of {@code GET /simulator/stats}).
 *
 * @param requestsByEndpoint               requests received per path (unknown paths included)
 * @param responsesByStatus                responses sent per HTTP status (connection resets have none)
 * @param windows                          per rate-limited endpoint and fixed window: requests counted and 429s
 * @param tooManyRequestsTotal             all 429 responses (rate limit and forced)
 * @param maxConcurrentRequests            most requests in flight at once, any users
 * @param maxConcurrentRequestsForOneUser  most in-flight requests that named the same user at once (the sink keeps this at 1)
 * @param userConcurrencyViolations        times a request named a user already named by another in-flight request
 * @param objectsPerRequest                histogram for /users/track requests that passed validation: object count to requests
 * @param averageObjectsPerRequest         mean of that histogram (0 when empty)
 * @param acceptedObjects                  objects applied (all types)
 * @param objectErrors                     objects listed in the {@code errors} array of a 2xx
 * @param connectionResets                 injected connection resets
 * @param injectedServerErrors             injected 5xx responses
 * @param appliedThenFailed                injected 5xx responses whose request was applied first (possible duplicates)
 * @param queued                           injected {@code 202 queued} responses (applied)
 */
public record SimulatorStats(
        Map<String, Long> requestsByEndpoint,
        Map<Integer, Long> responsesByStatus,
        List<WindowStats> windows,
        long tooManyRequestsTotal,
        int maxConcurrentRequests,
        int maxConcurrentRequestsForOneUser,
        long userConcurrencyViolations,
        Map<Integer, Long> objectsPerRequest,
        double averageObjectsPerRequest,
        long acceptedObjects,
        long objectErrors,
        long connectionResets,
        long injectedServerErrors,
        long appliedThenFailed,
        long queued) {

    public SimulatorStats {
        requestsByEndpoint = Map.copyOf(requestsByEndpoint);
        responsesByStatus = Map.copyOf(responsesByStatus);
        windows = List.copyOf(windows);
        objectsPerRequest = Map.copyOf(objectsPerRequest);
    }

    /**
     * One fixed rate-limit window of one endpoint.
     *
     * @param endpoint          the path, e.g. {@code /users/track}
     * @param startEpochSecond  window start, UTC epoch seconds (windows are aligned on clock boundaries)
     * @param endEpochSecond    window end, the value of {@code X-RateLimit-Reset} within it
     * @param requests          authenticated requests that fell in the window (including the ones answered 429)
     * @param tooManyRequests   of those, answered 429
     */
    public record WindowStats(String endpoint, long startEpochSecond, long endEpochSecond, long requests, long tooManyRequests) {
    }

    /**
     * Requests the limit let through ÷ the limit, over the windows where a backlog kept the client busy: every
     * window with traffic but the first (a partial one, the client was starting) and the last two (the backlog
     * running out). NaN when there are no such windows. The measure of "quota used" in tests and benchmarks.
     */
    public double fullWindowUse(String endpoint, int limit) {
        List<WindowStats> busy = windows.stream().filter(w -> w.endpoint().equals(endpoint) && w.requests() > 0)
                .sorted(java.util.Comparator.comparingLong(WindowStats::startEpochSecond)).toList();
        if (busy.size() < 4) {
            return Double.NaN;
        }
        long admitted = 0;
        for (WindowStats w : busy.subList(1, busy.size() - 2)) {
            admitted += w.requests() - w.tooManyRequests();
        }
        return (double) admitted / ((long) (busy.size() - 3) * limit);
    }

    /** The most 429s any one window of {@code endpoint} got. */
    public long maxTooManyRequestsInAWindow(String endpoint) {
        return windows.stream().filter(w -> w.endpoint().equals(endpoint)).mapToLong(WindowStats::tooManyRequests)
                .max().orElse(0);
    }

    /** Requests received on {@code endpoint}, 0 if none. */
    public long requests(String endpoint) {
        return requestsByEndpoint.getOrDefault(endpoint, 0L);
    }

    /** Responses sent with {@code status}, 0 if none. */
    public long responses(int status) {
        return responsesByStatus.getOrDefault(status, 0L);
    }

    /** Window start (epoch seconds) to 429 count, for one endpoint, in time order. */
    public Map<Long, Long> tooManyRequestsPerWindow(String endpoint) {
        Map<Long, Long> out = new TreeMap<>();
        for (WindowStats w : windows) {
            if (w.endpoint().equals(endpoint)) {
                out.put(w.startEpochSecond(), w.tooManyRequests());
            }
        }
        return out;
    }

    /** Window start (epoch seconds) to requests counted, for one endpoint, in time order. */
    public Map<Long, Long> requestsPerWindow(String endpoint) {
        Map<Long, Long> out = new TreeMap<>();
        for (WindowStats w : windows) {
            if (w.endpoint().equals(endpoint)) {
                out.put(w.startEpochSecond(), w.requests());
            }
        }
        return out;
    }
}
