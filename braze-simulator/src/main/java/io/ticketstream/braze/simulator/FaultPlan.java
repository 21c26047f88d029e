package io.ticketstream.braze.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Failures the Braze simulator (a stand-in, not Braze) injects into its Braze endpoints
 * ({@code /users/track}, {@code /v2/subscription/status/set}); never into {@code /simulator/*}.
 *
 * <p>Reproducible: every random draw for the n-th request since the plan was set comes from a
 * generator seeded with {@code (seed, n)}, so the same plan and the same request order give the
 * same faults whatever the thread scheduling.
 *
 * <p>What each 5xx means follows Braze's docs: 502 never reached Braze, so it is never applied;
 * 503 and 504 may or may not have been applied, and so may 500 (the docs are silent on it):
 * for those, {@link Builder#appliedBeforeFailureProbability(double)} decides, which is what makes
 * a retried event or purchase a realistic duplicate.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = builder().build();

    private final long seed;
    private final double serverErrorProbability;
    private final List<Integer> serverErrorCodes;
    private final double appliedBeforeFailureProbability;
    private final Duration fixedLatency;
    private final Duration latencyJitter;
    private final double connectionResetProbability;
    private final double queuedProbability;
    private final int forcedTooManyRequests;
    private final Instant tooManyRequestsFrom;
    private final Instant tooManyRequestsUntil;
    private final String objectErrorMarker;
    private final String objectErrorType;

    private FaultPlan(Builder b) {
        this.seed = b.seed;
        this.serverErrorProbability = b.serverErrorProbability;
        this.serverErrorCodes = List.copyOf(b.serverErrorCodes);
        this.appliedBeforeFailureProbability = b.appliedBeforeFailureProbability;
        this.fixedLatency = b.fixedLatency;
        this.latencyJitter = b.latencyJitter;
        this.connectionResetProbability = b.connectionResetProbability;
        this.queuedProbability = b.queuedProbability;
        this.forcedTooManyRequests = b.forcedTooManyRequests;
        this.tooManyRequestsFrom = b.tooManyRequestsFrom;
        this.tooManyRequestsUntil = b.tooManyRequestsUntil;
        this.objectErrorMarker = b.objectErrorMarker;
        this.objectErrorType = b.objectErrorType;
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    public double serverErrorProbability() {
        return serverErrorProbability;
    }

    public List<Integer> serverErrorCodes() {
        return serverErrorCodes;
    }

    public double appliedBeforeFailureProbability() {
        return appliedBeforeFailureProbability;
    }

    public Duration fixedLatency() {
        return fixedLatency;
    }

    public Duration latencyJitter() {
        return latencyJitter;
    }

    public double connectionResetProbability() {
        return connectionResetProbability;
    }

    public double queuedProbability() {
        return queuedProbability;
    }

    /** How many consecutive requests get 429 right after the plan is set. */
    public int forcedTooManyRequests() {
        return forcedTooManyRequests;
    }

    /** Requests arriving (by the simulator's clock) in [from, until) get 429. */
    public Optional<Instant> tooManyRequestsFrom() {
        return Optional.ofNullable(tooManyRequestsFrom);
    }

    public Optional<Instant> tooManyRequestsUntil() {
        return Optional.ofNullable(tooManyRequestsUntil);
    }

    public Optional<String> objectErrorMarker() {
        return Optional.ofNullable(objectErrorMarker);
    }

    public String objectErrorType() {
        return objectErrorType;
    }

    boolean inTooManyRequestsWindow(Instant now) {
        return tooManyRequestsFrom != null && !now.isBefore(tooManyRequestsFrom) && now.isBefore(tooManyRequestsUntil);
    }

    boolean hasLatency() {
        return !fixedLatency.isZero() || !latencyJitter.isZero();
    }

    /** A short description without secrets or personal data (the marker is test data, but is left out anyway). */
    @Override
    public String toString() {
        return "FaultPlan[seed=" + seed + ", 5xx=" + serverErrorProbability + " of " + serverErrorCodes
                + ", appliedBeforeFailure=" + appliedBeforeFailureProbability
                + ", latency=" + fixedLatency.toMillis() + "ms+" + latencyJitter.toMillis() + "ms jitter"
                + ", resets=" + connectionResetProbability
                + ", queued=" + queuedProbability
                + ", forced429s=" + forcedTooManyRequests
                + ", 429window=" + (tooManyRequestsFrom == null ? "none" : tooManyRequestsFrom + ".." + tooManyRequestsUntil)
                + ", objectErrors=" + (objectErrorMarker == null ? "off" : "on") + "]";
    }

    /** Builds a {@link FaultPlan}; every fault is off by default. */
    public static final class Builder {
        private long seed = 0L;
        private double serverErrorProbability;
        private List<Integer> serverErrorCodes = List.of(500, 502, 503, 504);
        private double appliedBeforeFailureProbability;
        private Duration fixedLatency = Duration.ZERO;
        private Duration latencyJitter = Duration.ZERO;
        private double connectionResetProbability;
        private double queuedProbability;
        private int forcedTooManyRequests;
        private Instant tooManyRequestsFrom;
        private Instant tooManyRequestsUntil;
        private String objectErrorMarker;
        private String objectErrorType = "simulated per-object error (fault plan marker)";

        private Builder() {
        }

        /** Seed of every random draw; the same seed and request order give the same faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Probability that a request is answered with a 5xx picked uniformly from {@link #serverErrorCodes}. */
        public Builder serverErrorProbability(double probability) {
            this.serverErrorProbability = probability(probability, "serverErrorProbability");
            return this;
        }

        /** Which 5xx codes to inject: any of 500, 502, 503, 504. Default all four. */
        public Builder serverErrorCodes(int... codes) {
            if (codes.length == 0) {
                throw new IllegalArgumentException("serverErrorCodes: at least one code is needed");
            }
            for (int code : codes) {
                if (code != 500 && code != 502 && code != 503 && code != 504) {
                    throw new IllegalArgumentException("serverErrorCodes: " + code + " is not one of 500, 502, 503, 504");
                }
            }
            this.serverErrorCodes = Arrays.stream(codes).boxed().toList();
            return this;
        }

        /**
         * For an injected 500, 503 or 504: probability that the request was applied (recorded as
         * accepted) before the error was returned. 502 is never applied.
         */
        public Builder appliedBeforeFailureProbability(double probability) {
            this.appliedBeforeFailureProbability = probability(probability, "appliedBeforeFailureProbability");
            return this;
        }

        /** Added latency per request: {@code fixed} plus a uniform random part in [0, jitter]. */
        public Builder latency(Duration fixed, Duration jitter) {
            this.fixedLatency = nonNegative(fixed, "fixed latency");
            this.latencyJitter = nonNegative(jitter, "latency jitter");
            return this;
        }

        /** Probability that the server closes the connection without any response (nothing applied). */
        public Builder connectionResetProbability(double probability) {
            this.connectionResetProbability = probability(probability, "connectionResetProbability");
            return this;
        }

        /**
         * Probability of Braze's maintenance answer, {@code 202 {"message":"queued"}}: the request
         * is validated and applied (queued work is done later; the simulator does it at once) but
         * the body carries neither counts nor {@code errors}.
         */
        public Builder queuedProbability(double probability) {
            this.queuedProbability = probability(probability, "queuedProbability");
            return this;
        }

        /** The next {@code count} requests after the plan is set get 429, nothing applied (a 429 storm). */
        public Builder forcedTooManyRequests(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("forcedTooManyRequests: must be >= 0, was " + count);
            }
            this.forcedTooManyRequests = count;
            return this;
        }

        /** Every request arriving in [from, until) by the simulator's clock gets 429, nothing applied. */
        public Builder forcedTooManyRequestsBetween(Instant from, Instant until) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("forcedTooManyRequestsBetween: until " + until + " is not after from " + from);
            }
            this.tooManyRequestsFrom = from;
            this.tooManyRequestsUntil = until;
            return this;
        }

        /**
         * Per-object errors: a /users/track object is listed in the {@code errors} array of a 2xx
         * (and not applied) when its user identifier value contains {@code marker}, a top-level
         * field name equals it, or a top-level string value contains it (e.g. an event name).
         */
        public Builder objectErrorMarker(String marker) {
            if (marker == null || marker.isEmpty()) {
                throw new IllegalArgumentException("objectErrorMarker: must not be empty");
            }
            this.objectErrorMarker = marker;
            return this;
        }

        /** The {@code type} text of a marker error. */
        public Builder objectErrorType(String type) {
            this.objectErrorType = Objects.requireNonNull(type, "type");
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }

        private static double probability(double p, String name) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException(name + ": " + p + " is not a probability in [0, 1]");
            }
            return p;
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + ": " + d + " is negative");
            }
            return d;
        }
    }
}
