package io.ticketstream.braze.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that stands in for Braze's REST API. <b>It is a stand-in, not Braze</b>:
 * it enforces Braze's documented limits and rules for {@code POST /users/track} and
 * {@code POST /v2/subscription/status/set} (auth, object and payload caps, per-object errors,
 * fixed-window rate limits with X-RateLimit-* headers) and records what it applied, so tests and
 * benchmarks can check exactly what a client delivered. It has no user profiles, no data-point
 * billing, no merging.
 *
 * <pre>{@code
 * try (BrazeSimulator sim = BrazeSimulator.builder().apiKeys(Set.of("test-key")).build()) {
 *     sim.start();
 *     URI base = sim.baseUri();          // http://127.0.0.1:<ephemeral port>
 *     ...
 *     sim.acceptedEvents();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Its own endpoints: {@code GET /simulator/stats}, {@code GET /simulator/accepted?limit=N},
 * {@code POST /simulator/reset}.
 */
public final class BrazeSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrazeSimulator.class);

    /** The path of Braze's user-data endpoint. */
    public static final String USERS_TRACK = "/users/track";
    /** The path of Braze's subscription-group status endpoint. */
    public static final String SUBSCRIPTION_STATUS_SET = "/v2/subscription/status/set";
    /** The path of Braze's user deletion endpoint. */
    public static final String USERS_DELETE = "/users/delete";
    /** The API key permission {@code /users/delete} needs. */
    public static final String PERMISSION_USERS_DELETE = "users.delete";
    /** The API key permission {@code /users/track} needs. */
    public static final String PERMISSION_USERS_TRACK = "users.track";
    /** The API key permission {@code /v2/subscription/status/set} needs. */
    public static final String PERMISSION_SUBSCRIPTION_STATUS_SET = "subscription.status.set";

    static {
        // The JDK server writes a response's headers and body separately and leaves Nagle's
        // algorithm on by default; with the client's delayed ACK that stalls every exchange ~40 ms
        // (measured: 20 requests/s on one connection). Read once, when the JDK server classes load,
        // so it is set here, before the first HttpServer.create(), unless the user chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final int requestedPort;
    private final int threads;
    private final int backlog;
    private final SimulatorCore core;
    private final Router router;
    private final String description;
    private HttpServer server;
    private ExecutorService executor;

    private BrazeSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.threads = b.threads;
        this.backlog = b.backlog;
        SimulatorSettings settings = new SimulatorSettings(Set.copyOf(b.apiKeys), Map.copyOf(b.permissions),
                b.maxPayloadBytes, b.successStatus, b.retryAfterHeader);
        FixedWindowRateLimiter track = new FixedWindowRateLimiter(USERS_TRACK, b.trackLimit, b.trackWindow, b.clock);
        FixedWindowRateLimiter subscription = new FixedWindowRateLimiter(SUBSCRIPTION_STATUS_SET,
                b.subscriptionLimit, b.subscriptionWindow, b.clock);
        FixedWindowRateLimiter delete = new FixedWindowRateLimiter(USERS_DELETE, b.deleteLimit, b.deleteWindow, b.clock);
        this.core = new SimulatorCore(settings, b.clock, track, subscription, delete, b.faults);
        DeleteRequestValidator deleteValidator = new DeleteRequestValidator(core.mapper);
        TrackRequestValidator trackValidator = new TrackRequestValidator(core.mapper, b.maxObjects, b.capMode,
                b.rejectEmptyRequests);
        SubscriptionRequestValidator subscriptionValidator = new SubscriptionRequestValidator(core.mapper);
        this.router = new Router(
                new BrazeEndpointHandler(USERS_TRACK, PERMISSION_USERS_TRACK, track, trackValidator::validate, core),
                new BrazeEndpointHandler(SUBSCRIPTION_STATUS_SET, PERMISSION_SUBSCRIPTION_STATUS_SET, subscription,
                        (root, faults) -> subscriptionValidator.validate(root), core),
                new BrazeEndpointHandler(USERS_DELETE, PERMISSION_USERS_DELETE, delete,
                        (root, faults) -> deleteValidator.validate(root), core),
                new AdminHandler(core), core);
        this.description = "/users/track " + b.trackLimit + " per " + b.trackWindow
                + ", subscription " + b.subscriptionLimit + " per " + b.subscriptionWindow
                + ", " + b.maxObjects + " objects per request (" + b.capMode + ")"
                + ", " + b.maxPayloadBytes + " bytes max, " + b.apiKeys.size() + " API key(s)"
                + ", " + b.threads + " threads";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. */
    public synchronized BrazeSimulator start() {
        if (server != null) {
            throw new IllegalStateException("Braze simulator already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("Braze simulator cannot bind " + host + ":" + requestedPort, e);
        }
        executor = Executors.newFixedThreadPool(threads, new NamedDaemonThreads());
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        LOG.info("Braze SIMULATOR (stand-in, not Braze) listening on {}: {}; faults {}", baseUri(), description,
                core.faults().plan());
        return this;
    }

    /** {@code http://<host>:<bound port>}; the loopback address when bound to all interfaces. */
    public synchronized URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("Braze simulator not started");
        }
        String visibleHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (visibleHost.contains(":")) {
            visibleHost = "[" + visibleHost + "]";
        }
        return URI.create("http://" + visibleHost + ":" + server.getAddress().getPort());
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Braze simulator not started");
        }
        return server.getAddress().getPort();
    }

    /** Every applied object, in the order applied (a request's attributes, then events, then purchases). */
    public List<AcceptedObject> accepted() {
        return core.accepted.snapshot();
    }

    public List<AcceptedObject> acceptedAttributes() {
        return core.accepted.snapshot(ObjectType.ATTRIBUTES);
    }

    public List<AcceptedObject> acceptedEvents() {
        return core.accepted.snapshot(ObjectType.EVENT);
    }

    public List<AcceptedObject> acceptedPurchases() {
        return core.accepted.snapshot(ObjectType.PURCHASE);
    }

    public List<AcceptedObject> acceptedSubscriptionChanges() {
        return core.accepted.snapshot(ObjectType.SUBSCRIPTION);
    }

    /** Users deleted through {@code /users/delete}, one object per identifier, in the order deleted. */
    public List<AcceptedObject> acceptedDeletions() {
        return core.accepted.snapshot(ObjectType.USER_DELETE);
    }

    /** How many objects have been applied (cheaper than {@code accepted().size()}). */
    public int acceptedCount() {
        return core.accepted.size();
    }

    /**
     * Changes the {@code /users/track} limit while running (a workspace whose contract changes mid-run); the
     * X-RateLimit-Limit header shows the new value from the next answer on.
     */
    public void setRateLimit(int requestsPerWindow) {
        core.trackLimiter.setLimit(requestsPerWindow);
        LOG.info("Braze simulator: /users/track limit now {} per window", requestsPerWindow);
    }

    /**
     * Requests to {@code endpoint} that were marked as bulk traffic ({@code X-Braze-Bulk: true}, which Braze asks of
     * backfills on /users/track). The header changes nothing else here: Braze documents only that it routes them.
     */
    public long bulkRequests(String endpoint) {
        var count = core.bulkRequests.get(endpoint);
        return count == null ? 0 : count.sum();
    }

    /** Whether {@code object} arrived in a request marked as bulk traffic (X-Braze-Bulk: true). */
    public boolean arrivedInBulkRequest(AcceptedObject object) {
        return core.bulkSequences.contains(object.requestSequence());
    }

    /** Requests arrived and not answered yet, right now (e.g. what a client had in flight when it was killed). */
    public int inFlightRequests() {
        return core.stats.inFlight();
    }

    public SimulatorStats stats() {
        return core.stats();
    }

    /** Replaces the fault plan; the new plan's draws and forced-429 budget start afresh. */
    public void setFaults(FaultPlan faults) {
        core.setFaults(Objects.requireNonNull(faults, "faults"));
        LOG.info("Braze simulator faults now {}", faults);
    }

    /**
     * From now on, requests with this key get 401 "invalid API key", as Braze answers once a key is deleted or
     * rotated in its dashboard; {@link #reinstateApiKey} undoes it. For tests of what a sink does when its
     * credentials stop working.
     */
    public void revokeApiKey(String apiKey) {
        core.revoke(Objects.requireNonNull(apiKey, "apiKey"));
        LOG.info("Braze simulator: an API key was revoked");
    }

    public void reinstateApiKey(String apiKey) {
        core.reinstate(Objects.requireNonNull(apiKey, "apiKey"));
        LOG.info("Braze simulator: an API key was reinstated");
    }

    /** Forgets applied objects, stats, rate-limit windows and request numbering; keeps the fault plan (restarted). */
    public void reset() {
        core.reset();
    }

    /** Test hooks (package-private): see {@link SimulatorCore.TestHooks}. */
    void testHooks(SimulatorCore.TestHooks hooks) {
        core.testHooks = hooks;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            LOG.info("Braze simulator (stand-in) on port {} stopped", server.getAddress().getPort());
            server = null;
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "braze-simulator-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Configures a {@link BrazeSimulator}. Defaults follow Braze's documented limits. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Set<String> apiKeys = Set.of();
        private final Map<String, Set<String>> permissions = new HashMap<>();
        private int trackLimit = 3000;
        private Duration trackWindow = Duration.ofSeconds(3);
        private int subscriptionLimit = 5000;
        private Duration subscriptionWindow = Duration.ofMinutes(1);
        private int deleteLimit = 20_000;
        private Duration deleteWindow = Duration.ofMinutes(1);
        private int maxObjects = 75;
        private ObjectCapMode capMode = ObjectCapMode.COMBINED;
        private int maxPayloadBytes = 4 * 1024 * 1024;
        private Clock clock = Clock.systemUTC();
        private FaultPlan faults = FaultPlan.none();
        private int threads = 16;
        private int backlog = 256;
        private int successStatus = 201;
        private boolean retryAfterHeader = false;
        private boolean rejectEmptyRequests = true;

        private Builder() {
        }

        /** The port to bind; 0 (default) picks a free ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " is not in 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The address to bind; default 127.0.0.1 (use 0.0.0.0 in a container). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** REST API keys accepted as {@code Authorization: Bearer <key>}; any other gets 401. Required. */
        public Builder apiKeys(Set<String> apiKeys) {
            Objects.requireNonNull(apiKeys, "apiKeys");
            for (String key : apiKeys) {
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("apiKeys: a key is empty");
                }
            }
            this.apiKeys = Set.copyOf(apiKeys);
            return this;
        }

        /**
         * Restricts what some keys may do: a key listed here has only the given permissions
         * ({@link #PERMISSION_USERS_TRACK}, {@link #PERMISSION_SUBSCRIPTION_STATUS_SET}); a key
         * lacking an endpoint's permission gets 403. Keys not listed have every permission.
         */
        public Builder permissions(Map<String, ? extends Collection<String>> permissionsByKey) {
            permissionsByKey.forEach((key, granted) -> permissions.put(key, Set.copyOf(granted)));
            return this;
        }

        /** Grants {@code apiKey} only {@code granted} (see {@link #permissions(Map)}). */
        public Builder permissions(String apiKey, String... granted) {
            permissions.put(Objects.requireNonNull(apiKey, "apiKey"), Set.of(granted));
            return this;
        }

        /** {@code /users/track}: requests per fixed window aligned on clock boundaries. Default 3000 per 3 s. */
        public Builder rateLimit(int requests, Duration window) {
            this.trackLimit = positive(requests, "rateLimit");
            this.trackWindow = window(window, "rateLimit");
            return this;
        }

        /** {@code /v2/subscription/status/set}: requests per fixed window. Default 5000 per minute. */
        public Builder subscriptionRateLimit(int requests, Duration window) {
            this.subscriptionLimit = positive(requests, "subscriptionRateLimit");
            this.subscriptionWindow = window(window, "subscriptionRateLimit");
            return this;
        }

        /**
         * {@code /users/delete}: requests per fixed window. Default 20,000 per minute (Braze shares that budget with
         * the alias, identify and merge endpoints, which are not simulated).
         */
        public Builder deleteRateLimit(int requests, Duration window) {
            this.deleteLimit = positive(requests, "deleteRateLimit");
            this.deleteWindow = window(window, "deleteRateLimit");
            return this;
        }

        /** Object cap of {@code /users/track}; default 75, counted {@link ObjectCapMode#COMBINED}. */
        public Builder maxObjectsPerRequest(int maxObjects) {
            this.maxObjects = positive(maxObjects, "maxObjectsPerRequest");
            return this;
        }

        /** Whether the object cap counts the three arrays together (default) or each alone. */
        public Builder objectCapMode(ObjectCapMode mode) {
            this.capMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Largest accepted body in bytes; larger gets 413. Default 4 MiB. */
        public Builder maxPayloadBytes(int bytes) {
            this.maxPayloadBytes = positive(bytes, "maxPayloadBytes");
            return this;
        }

        /** The clock rate-limit windows and forced-429 windows follow; default the UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder faults(FaultPlan faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Request-handling threads; default 16. */
        public Builder threads(int threads) {
            this.threads = positive(threads, "threads");
            return this;
        }

        /** TCP accept backlog; default 256. */
        public Builder backlog(int backlog) {
            this.backlog = positive(backlog, "backlog");
            return this;
        }

        /** Status of a successful request: Braze's docs say 2xx; default 201. */
        public Builder successStatus(int status) {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("successStatus: " + status + " is not a 2xx");
            }
            this.successStatus = status;
            return this;
        }

        /** Also send {@code X-RateLimit-Retry-After} (seconds) on 429; default off (core docs do not promise it). */
        public Builder retryAfterHeader(boolean send) {
            this.retryAfterHeader = send;
            return this;
        }

        /** Answer 400 to a /users/track request with no objects at all; default on (docs silent). */
        public Builder rejectEmptyRequests(boolean reject) {
            this.rejectEmptyRequests = reject;
            return this;
        }

        public BrazeSimulator build() {
            if (apiKeys.isEmpty()) {
                throw new IllegalStateException("apiKeys: at least one API key is required");
            }
            return new BrazeSimulator(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + ": " + value + " must be positive");
            }
            return value;
        }

        private static Duration window(Duration window, String name) {
            Objects.requireNonNull(window, name);
            if (window.toMillis() <= 0) {
                throw new IllegalArgumentException(name + ": window " + window + " must be at least 1 ms");
            }
            return window;
        }
    }
}
