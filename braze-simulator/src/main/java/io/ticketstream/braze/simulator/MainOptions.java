package io.ticketstream.braze.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line of {@link BrazeSimulatorMain}, turned into a builder. Hand-written rather than
 * picocli to keep the simulator's jar dependency-light (Jackson only): twenty flags do not need a
 * framework. API keys are read from an environment variable, never from a flag, so they do not
 * show in {@code ps}.
 */
final class MainOptions {

    static final int DEFAULT_PORT = 8089;
    static final String DEFAULT_API_KEY_ENV = "BRAZE_API_KEY";

    static final String USAGE = String.join("\n",
            "Braze SIMULATOR (stand-in, not Braze): a local HTTP server enforcing Braze's documented REST limits.",
            "",
            "Usage: java -jar braze-simulator-<version>-all.jar [flags]",
            "  --host ADDR                    bind address (default 127.0.0.1; 0.0.0.0 in a container)",
            "  --port N                       port (default " + DEFAULT_PORT + "; 0 = any free port)",
            "  --api-key-env VAR              environment variable holding the accepted REST API key(s),",
            "                                 comma-separated (default " + DEFAULT_API_KEY_ENV + ")",
            "  --rate-limit N                 /users/track requests per window (default 3000)",
            "  --window DURATION              /users/track window, e.g. 3s, 500ms, 1m, PT3S (default 3s)",
            "  --subscription-rate-limit N    /v2/subscription/status/set requests per window (default 5000)",
            "  --subscription-window DURATION (default 1m)",
            "  --max-objects N                objects per /users/track request (default 75)",
            "  --object-cap-mode MODE         combined (default) | per-array",
            "  --max-payload-bytes N          larger bodies get 413 (default 4194304)",
            "  --success-status N             2xx status of a success (default 201)",
            "  --retry-after-header           also send X-RateLimit-Retry-After on 429 (default off)",
            "  --allow-empty-requests         accept /users/track with no objects (default: 400)",
            "  --threads N                    request threads (default 16)",
            "  --fault-seed N                 seed of every fault draw (default 0)",
            "  --fault-5xx-rate P             probability of an injected 5xx (default 0)",
            "  --fault-5xx-codes LIST         which, e.g. 500,502,503,504 (default all four)",
            "  --fault-applied-before-failure P  probability a 500/503/504 was applied first (default 0)",
            "  --fault-latency-ms N           added latency per request (default 0)",
            "  --fault-jitter-ms N            plus uniform random 0..N ms (default 0)",
            "  --fault-reset-rate P           probability of closing the connection without a response",
            "  --fault-queued-rate P          probability of 202 {\"message\":\"queued\"} (applied)",
            "  --fault-429-burst N            the first N requests get 429",
            "  --fault-object-error-marker S  objects whose user or a field contains S are listed in 'errors'",
            "  --help                         this text",
            "",
            "Own endpoints: GET /simulator/stats, GET /simulator/accepted?limit=N, POST /simulator/reset");

    boolean help;
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    String apiKeyEnv = DEFAULT_API_KEY_ENV;
    Set<String> apiKeys;
    int rateLimit = 3000;
    Duration window = Duration.ofSeconds(3);
    int subscriptionRateLimit = 5000;
    Duration subscriptionWindow = Duration.ofMinutes(1);
    int maxObjects = 75;
    ObjectCapMode capMode = ObjectCapMode.COMBINED;
    int maxPayloadBytes = 4 * 1024 * 1024;
    int successStatus = 201;
    boolean retryAfterHeader;
    boolean allowEmptyRequests;
    int threads = 16;
    final FaultPlan.Builder faults = FaultPlan.builder();

    /**
     * @param env how to read an environment variable (System::getenv in production)
     * @throws IllegalArgumentException naming the flag and the value that is wrong
     */
    static MainOptions parse(String[] args, Function<String, String> env) {
        MainOptions o = new MainOptions();
        long latencyMs = 0;
        long jitterMs = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (flag) {
                case "--help", "-h" -> o.help = true;
                case "--retry-after-header" -> o.retryAfterHeader = true;
                case "--allow-empty-requests" -> o.allowEmptyRequests = true;
                default -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(flag + ": a value is required");
                        }
                        value = args[++i];
                    }
                    apply(o, flag, value);
                    if (flag.equals("--fault-latency-ms")) {
                        latencyMs = intIn(flag, value, 0, Integer.MAX_VALUE);
                    } else if (flag.equals("--fault-jitter-ms")) {
                        jitterMs = intIn(flag, value, 0, Integer.MAX_VALUE);
                    }
                }
            }
        }
        o.faults.latency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs));
        if (!o.help) {
            o.apiKeys = apiKeys(o.apiKeyEnv, env);
        }
        return o;
    }

    private static void apply(MainOptions o, String flag, String value) {
                    switch (flag) {
                        case "--host" -> o.host = value;
                        case "--port" -> o.port = intIn(flag, value, 0, 65535);
                        case "--api-key-env" -> o.apiKeyEnv = value;
                        case "--rate-limit" -> o.rateLimit = intIn(flag, value, 1, Integer.MAX_VALUE);
                        case "--window" -> o.window = duration(flag, value);
                        case "--subscription-rate-limit" -> o.subscriptionRateLimit = intIn(flag, value, 1, Integer.MAX_VALUE);
                        case "--subscription-window" -> o.subscriptionWindow = duration(flag, value);
                        case "--max-objects" -> o.maxObjects = intIn(flag, value, 1, Integer.MAX_VALUE);
                        case "--object-cap-mode" -> o.capMode = capMode(flag, value);
                        case "--max-payload-bytes" -> o.maxPayloadBytes = intIn(flag, value, 1, Integer.MAX_VALUE);
                        case "--success-status" -> o.successStatus = intIn(flag, value, 200, 299);
                        case "--threads" -> o.threads = intIn(flag, value, 1, 1024);
                        case "--fault-seed" -> o.faults.seed(longValue(flag, value));
                        case "--fault-5xx-rate" -> wrap(flag, value, () -> o.faults.serverErrorProbability(doubleValue(flag, value)));
                        case "--fault-5xx-codes" -> wrap(flag, value, () -> o.faults.serverErrorCodes(codes(flag, value)));
                        case "--fault-applied-before-failure" ->
                                wrap(flag, value, () -> o.faults.appliedBeforeFailureProbability(doubleValue(flag, value)));
                        case "--fault-latency-ms", "--fault-jitter-ms" -> { } // durations are set together, after the loop
                        case "--fault-reset-rate" ->
                                wrap(flag, value, () -> o.faults.connectionResetProbability(doubleValue(flag, value)));
                        case "--fault-queued-rate" ->
                                wrap(flag, value, () -> o.faults.queuedProbability(doubleValue(flag, value)));
                        case "--fault-429-burst" -> o.faults.forcedTooManyRequests(intIn(flag, value, 0, Integer.MAX_VALUE));
                        case "--fault-object-error-marker" -> wrap(flag, value, () -> o.faults.objectErrorMarker(value));
                        default -> throw new IllegalArgumentException(flag + ": unknown flag (see --help)");
                    }
    }

    BrazeSimulator.Builder toBuilder() {
        return BrazeSimulator.builder()
                .host(host).port(port).apiKeys(apiKeys)
                .rateLimit(rateLimit, window)
                .subscriptionRateLimit(subscriptionRateLimit, subscriptionWindow)
                .maxObjectsPerRequest(maxObjects).objectCapMode(capMode)
                .maxPayloadBytes(maxPayloadBytes).successStatus(successStatus)
                .retryAfterHeader(retryAfterHeader).rejectEmptyRequests(!allowEmptyRequests)
                .threads(threads).faults(faults.build());
    }

    /** The key's value is never part of a message: only the variable's name. */
    private static Set<String> apiKeys(String variable, Function<String, String> env) {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--api-key-env: environment variable " + variable
                    + " is not set or empty; export the REST API key(s) the simulator should accept there");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : value.split(",")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        return keys;
    }

    static Duration duration(String flag, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("pt")) {
                d = Duration.parse(value.trim());
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
            if (d.toMillis() <= 0) {
                throw new IllegalArgumentException(flag + ": '" + value + "' must be at least 1ms");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not a duration (e.g. 3s, 500ms, 1m, PT3S)", e);
        }
    }

    private static ObjectCapMode capMode(String flag, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "combined" -> ObjectCapMode.COMBINED;
            case "per-array", "per_array" -> ObjectCapMode.PER_ARRAY;
            default -> throw new IllegalArgumentException(flag + ": '" + value + "' is not one of combined, per-array");
        };
    }

    private static int intIn(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(flag + ": " + n + " is not in " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not an integer", e);
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not an integer", e);
        }
    }

    private static double doubleValue(String flag, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not a number", e);
        }
    }

    private static int[] codes(String flag, String value) {
        try {
            return Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not a comma-separated list of status codes", e);
        }
    }

    /** Re-throws the fault builder's own check with the flag in front. */
    private static void wrap(String flag, String value, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(flag)) {
                throw e;
            }
            throw new IllegalArgumentException(flag + ": '" + value + "': " + e.getMessage(), e);
        }
    }
}
