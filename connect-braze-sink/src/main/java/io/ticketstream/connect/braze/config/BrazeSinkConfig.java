package io.ticketstream.connect.braze.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The Braze sink's configuration: one constant triple per key, typed accessors. */
public final class BrazeSinkConfig extends AbstractConfig {

    private static final String GROUP_CONNECTION = "Braze connection";
    private static final String GROUP_BATCHING = "Batching";
    private static final String GROUP_PACING = "Pacing (rate limits)";
    private static final String GROUP_RETRIES = "Retries and errors";
    private static final String GROUP_SUBSCRIPTION = "Subscription endpoint";
    private static final String GROUP_DELETION = "User deletion";

    public static final String REST_URL = "braze.rest.url";
    public static final String REST_URL_DOC = "Base URL of your workspace's Braze REST instance, e.g. "
            + "https://rest.iad-01.braze.com. Must be https unless " + "braze.allow.insecure.http" + " is true. "
            + "A host outside Braze's documented list only logs a warning.";

    public static final String ALLOW_INSECURE_HTTP = "braze.allow.insecure.http";
    public static final String ALLOW_INSECURE_HTTP_DOC = "Allow an http:// URL (local simulator, tests). Never in production: "
            + "the API key would travel in clear text.";
    public static final boolean ALLOW_INSECURE_HTTP_DEFAULT = false;

    public static final String API_KEY = "braze.api.key";
    public static final String API_KEY_DOC = "Braze REST API key with the users.track permission (and the subscription "
            + "permissions if subscription records are sent). Give it through a config provider, e.g. "
            + "${file:/etc/kafka/braze.properties:braze.api.key}.";

    public static final String HTTP_PROXY = "braze.http.proxy";
    public static final String HTTP_PROXY_DOC = "HTTP(S) proxy as host:port, for workers that reach the internet only "
            + "through one (HTTPS goes through it as a CONNECT tunnel). Empty: direct. Proxy authentication is not "
            + "supported.";

    public static final String TRUSTSTORE_LOCATION = "braze.ssl.truststore.location";
    public static final String TRUSTSTORE_LOCATION_DOC = "Truststore file for Braze's (or a TLS-inspecting proxy's) "
            + "certificate chain. Empty: the JVM's default truststore.";
    public static final String TRUSTSTORE_PASSWORD = "braze.ssl.truststore.password";
    public static final String TRUSTSTORE_PASSWORD_DOC = "Password of the truststore (give it through a config provider).";
    public static final String TRUSTSTORE_TYPE = "braze.ssl.truststore.type";
    public static final String TRUSTSTORE_TYPE_DOC = "Truststore format: PKCS12 or JKS.";
    public static final String TRUSTSTORE_TYPE_DEFAULT = "PKCS12";

    public static final String HTTP_HEADERS = "braze.http.headers";
    public static final String HTTP_HEADERS_DOC = "Extra headers on every request, as Name:value entries separated by "
            + "commas (e.g. for a gateway). Authorization, Content-Type and Host are the connector's own and refused.";

    public static final String TRACK_BULK = "braze.track.bulk";
    public static final String TRACK_BULK_DOC = "Mark /users/track requests as bulk traffic (X-Braze-Bulk: true), as Braze "
            + "asks of backfills and batch syncs so it can route them apart from live traffic.";

    public static final String VALIDATE_CONNECTIVITY = "braze.validate.connectivity";
    public static final String VALIDATE_CONNECTIVITY_DOC = "Whether Connector.validate() calls Braze: one POST "
            + "/users/track with no objects (nothing is written; it counts as one request of the workspace's limit) "
            + "tells whether the host, proxy and truststore work and the key is accepted.";

    public static final String TRACK_MAX_OBJECTS = "braze.track.max.objects";
    public static final String TRACK_MAX_OBJECTS_DOC = "Most objects in one /users/track request, counted as set by "
            + "braze.track.object.cap.mode. Current Braze docs: 75 combined; some contracts: 50 combined.";
    public static final int TRACK_MAX_OBJECTS_DEFAULT = 75;

    public static final String TRACK_CAP_MODE = "braze.track.object.cap.mode";
    public static final String TRACK_CAP_MODE_DOC = "combined: the cap counts attributes + events + purchases together; "
            + "per_array: the cap applies to each array (older contracts).";
    public static final String TRACK_CAP_MODE_DEFAULT = "combined";

    public static final String MAX_PAYLOAD_BYTES = "braze.max.payload.bytes";
    public static final String MAX_PAYLOAD_BYTES_DOC = "Largest request body in bytes. Braze accepts up to 4 MB; "
            + "an object larger than this on its own is a bad record.";
    public static final int MAX_PAYLOAD_BYTES_DEFAULT = 4_000_000;

    public static final String LINGER_MS = "braze.linger.ms";
    public static final String LINGER_MS_DOC = "How long a not-yet-full request may wait for more records before it is sent. "
            + "Full requests never wait.";
    public static final long LINGER_MS_DEFAULT = 100;

    public static final String MAX_IN_FLIGHT = "braze.max.in.flight.requests";
    public static final String MAX_IN_FLIGHT_DOC = "Concurrent requests per task (each runs on its own sender thread). "
            + "One user's records are never in two concurrent requests.";
    public static final int MAX_IN_FLIGHT_DEFAULT = 4;

    public static final String BUFFER_MAX_RECORDS = "braze.buffer.max.records";
    public static final String BUFFER_MAX_RECORDS_DOC = "Records a task buffers; when full, the task pauses its "
            + "partitions (context.pause) until half of it has drained. Exceeded by at most one poll's records.";
    public static final int BUFFER_MAX_RECORDS_DEFAULT = 20_000;

    public static final String CONNECT_TIMEOUT_MS = "braze.connect.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS_DOC = "TCP/TLS connect timeout.";
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 10_000;

    public static final String REQUEST_TIMEOUT_MS = "braze.request.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_DOC = "Time to wait for a response; a timeout is retried (an event or "
            + "purchase may then be recorded twice, see the README).";
    public static final long REQUEST_TIMEOUT_MS_DEFAULT = 30_000;

    public static final String QUOTA_REQUESTS = "braze.quota.requests.per.window";
    public static final String QUOTA_REQUESTS_DOC = "The workspace's /users/track rate limit: requests per window "
            + "(3,000 per 3 s on data-point pricing; check your contract).";
    public static final int QUOTA_REQUESTS_DEFAULT = 3_000;

    public static final String QUOTA_WINDOW_MS = "braze.quota.window.ms";
    public static final String QUOTA_WINDOW_MS_DOC = "Length of the /users/track rate-limit window.";
    public static final long QUOTA_WINDOW_MS_DEFAULT = 3_000;

    public static final String QUOTA_SHARE = "braze.quota.share";
    public static final String QUOTA_SHARE_DOC = "Part of each rate-limit window this connector may use: it stops "
            + "sending in a window once the workspace has less than (1 - share) x the limit left, as Braze's "
            + "X-RateLimit-Remaining reports it. 1 uses the whole window; a backfill beside a live connector takes "
            + "e.g. 0.3 and yields the rest. Not divided among tasks: the tasks share what the workspace has left.";
    public static final double QUOTA_SHARE_DEFAULT = 1.0;

    public static final String BACKOFF_INITIAL_MS = "braze.retry.backoff.initial.ms";
    public static final String BACKOFF_INITIAL_MS_DOC = "First retry delay after a 5xx, timeout or connection error; "
            + "doubles per attempt, with jitter.";
    public static final long BACKOFF_INITIAL_MS_DEFAULT = 500;

    public static final String BACKOFF_MAX_MS = "braze.retry.backoff.max.ms";
    public static final String BACKOFF_MAX_MS_DOC = "Cap on the retry delay.";
    public static final long BACKOFF_MAX_MS_DEFAULT = 30_000;

    public static final String RETRY_TIMEOUT_MS = "braze.retry.timeout.ms";
    public static final String RETRY_TIMEOUT_MS_DOC = "How long one request is retried after 5xx/timeouts/connection "
            + "errors before the task fails (its records stay uncommitted and are redelivered after a restart). "
            + "Waiting on 429s does not count.";
    public static final long RETRY_TIMEOUT_MS_DEFAULT = 600_000;

    public static final String BEHAVIOR_ON_ERROR = "behavior.on.error";
    public static final String BEHAVIOR_ON_ERROR_DOC = "For records that fit no shape or that Braze rejects, when the "
            + "worker has no dead-letter queue (errors.tolerance=all + errors.deadletterqueue.topic.name): "
            + "fail the task, log the record's coordinates and skip it, or ignore it. With a dead-letter queue they "
            + "are always reported there.";
    public static final String BEHAVIOR_ON_ERROR_DEFAULT = "fail";

    public static final String SUBSCRIPTION_QUOTA_REQUESTS = "braze.subscription.quota.requests.per.window";
    public static final String SUBSCRIPTION_QUOTA_REQUESTS_DOC = "Rate limit of /v2/subscription/status/set.";
    public static final int SUBSCRIPTION_QUOTA_REQUESTS_DEFAULT = 5_000;

    public static final String SUBSCRIPTION_QUOTA_WINDOW_MS = "braze.subscription.quota.window.ms";
    public static final String SUBSCRIPTION_QUOTA_WINDOW_MS_DOC = "Window of the subscription rate limit.";
    public static final long SUBSCRIPTION_QUOTA_WINDOW_MS_DEFAULT = 60_000;

    public static final String SUBSCRIPTION_MAX_IDS = "braze.subscription.max.ids.per.entry";
    public static final String SUBSCRIPTION_MAX_IDS_DOC = "Most external_ids/emails/phones in one subscription_groups "
            + "entry (Braze: 50).";
    public static final int SUBSCRIPTION_MAX_IDS_DEFAULT = 50;

    public static final String SUBSCRIPTION_MAX_ENTRIES = "braze.subscription.max.entries.per.request";
    public static final String SUBSCRIPTION_MAX_ENTRIES_DOC = "Most subscription_groups entries in one request. Braze's "
            + "docs do not state a limit; raise it only if your contract allows.";
    public static final int SUBSCRIPTION_MAX_ENTRIES_DEFAULT = 10;

    public static final String TOMBSTONE_HANDLING = "braze.tombstone.handling";
    public static final String TOMBSTONE_HANDLING_DOC = "What a tombstone (null value: the record's key was deleted at "
            + "the source) does: skip (nothing is sent), or delete: the Braze user whose external_id is the record key "
            + "is deleted (POST /users/delete; needs the users.delete permission; cannot be undone).";
    public static final String TOMBSTONE_HANDLING_DEFAULT = "skip";

    public static final String DELETE_QUOTA_REQUESTS = "braze.delete.quota.requests.per.window";
    public static final String DELETE_QUOTA_REQUESTS_DOC = "Rate limit of /users/delete (Braze: 20,000 per minute, "
            + "shared with the alias, identify and merge endpoints).";
    public static final String DELETE_QUOTA_WINDOW_MS = "braze.delete.quota.window.ms";
    public static final String DELETE_QUOTA_WINDOW_MS_DOC = "Window of the /users/delete rate limit.";

    public static final ConfigDef CONFIG_DEF = buildConfigDef();

    private static ConfigDef buildConfigDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(REST_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                REST_URL_DOC, GROUP_CONNECTION, ++order, Width.LONG, "REST URL");
        def.define(API_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, API_KEY_DOC,
                GROUP_CONNECTION, ++order, Width.LONG, "API key");
        def.define(ALLOW_INSECURE_HTTP, Type.BOOLEAN, ALLOW_INSECURE_HTTP_DEFAULT, Importance.LOW,
                ALLOW_INSECURE_HTTP_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Allow http");
        def.define(CONNECT_TIMEOUT_MS, Type.LONG, CONNECT_TIMEOUT_MS_DEFAULT, Range.atLeast(1), Importance.LOW,
                CONNECT_TIMEOUT_MS_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Connect timeout (ms)");
        def.define(REQUEST_TIMEOUT_MS, Type.LONG, REQUEST_TIMEOUT_MS_DEFAULT, Range.atLeast(1), Importance.MEDIUM,
                REQUEST_TIMEOUT_MS_DOC, GROUP_CONNECTION, ++order, Width.SHORT, "Request timeout (ms)");
        def.define(HTTP_PROXY, Type.STRING, "", new HostPortValidator(), Importance.LOW, HTTP_PROXY_DOC,
                GROUP_CONNECTION, ++order, Width.MEDIUM, "HTTP proxy");
        def.define(TRUSTSTORE_LOCATION, Type.STRING, "", Importance.LOW, TRUSTSTORE_LOCATION_DOC, GROUP_CONNECTION,
                ++order, Width.LONG, "Truststore");
        def.define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, TRUSTSTORE_PASSWORD_DOC, GROUP_CONNECTION,
                ++order, Width.MEDIUM, "Truststore password");
        def.define(TRUSTSTORE_TYPE, Type.STRING, TRUSTSTORE_TYPE_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS"), Importance.LOW, TRUSTSTORE_TYPE_DOC,
                GROUP_CONNECTION, ++order, Width.SHORT, "Truststore type");
        def.define(HTTP_HEADERS, Type.LIST, "", new HeaderListValidator(), Importance.LOW, HTTP_HEADERS_DOC,
                GROUP_CONNECTION, ++order, Width.LONG, "Extra headers");
        def.define(TRACK_BULK, Type.BOOLEAN, false, Importance.LOW, TRACK_BULK_DOC, GROUP_CONNECTION, ++order,
                Width.SHORT, "Bulk traffic");
        def.define(VALIDATE_CONNECTIVITY, Type.BOOLEAN, true, Importance.LOW, VALIDATE_CONNECTIVITY_DOC,
                GROUP_CONNECTION, ++order, Width.SHORT, "Check connectivity");

        order = 0;
        def.define(TRACK_MAX_OBJECTS, Type.INT, TRACK_MAX_OBJECTS_DEFAULT, Range.between(1, 1000), Importance.MEDIUM,
                TRACK_MAX_OBJECTS_DOC, GROUP_BATCHING, ++order, Width.SHORT, "Objects per request");
        def.define(TRACK_CAP_MODE, Type.STRING, TRACK_CAP_MODE_DEFAULT, ValidString.in(ObjectCapMode.names()),
                Importance.MEDIUM, TRACK_CAP_MODE_DOC, GROUP_BATCHING, ++order, Width.SHORT, "Cap mode");
        def.define(MAX_PAYLOAD_BYTES, Type.INT, MAX_PAYLOAD_BYTES_DEFAULT, Range.atLeast(1024), Importance.LOW,
                MAX_PAYLOAD_BYTES_DOC, GROUP_BATCHING, ++order, Width.SHORT, "Max payload bytes");
        def.define(LINGER_MS, Type.LONG, LINGER_MS_DEFAULT, Range.atLeast(0), Importance.LOW, LINGER_MS_DOC,
                GROUP_BATCHING, ++order, Width.SHORT, "Linger (ms)");
        def.define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 64), Importance.MEDIUM,
                MAX_IN_FLIGHT_DOC, GROUP_BATCHING, ++order, Width.SHORT, "Max in-flight requests");
        def.define(BUFFER_MAX_RECORDS, Type.INT, BUFFER_MAX_RECORDS_DEFAULT, Range.atLeast(1), Importance.LOW,
                BUFFER_MAX_RECORDS_DOC, GROUP_BATCHING, ++order, Width.SHORT, "Buffer size (records)");

        order = 0;
        def.define(QUOTA_REQUESTS, Type.INT, QUOTA_REQUESTS_DEFAULT, Range.atLeast(1), Importance.HIGH,
                QUOTA_REQUESTS_DOC, GROUP_PACING, ++order, Width.SHORT, "Quota (requests/window)");
        def.define(QUOTA_WINDOW_MS, Type.LONG, QUOTA_WINDOW_MS_DEFAULT, Range.atLeast(1), Importance.HIGH,
                QUOTA_WINDOW_MS_DOC, GROUP_PACING, ++order, Width.SHORT, "Quota window (ms)");
        def.define(QUOTA_SHARE, Type.DOUBLE, QUOTA_SHARE_DEFAULT, Range.between(0.001, 1.0), Importance.HIGH,
                QUOTA_SHARE_DOC, GROUP_PACING, ++order, Width.SHORT, "Quota share");

        order = 0;
        def.define(BACKOFF_INITIAL_MS, Type.LONG, BACKOFF_INITIAL_MS_DEFAULT, Range.atLeast(1), Importance.LOW,
                BACKOFF_INITIAL_MS_DOC, GROUP_RETRIES, ++order, Width.SHORT, "Initial backoff (ms)");
        def.define(BACKOFF_MAX_MS, Type.LONG, BACKOFF_MAX_MS_DEFAULT, Range.atLeast(1), Importance.LOW,
                BACKOFF_MAX_MS_DOC, GROUP_RETRIES, ++order, Width.SHORT, "Max backoff (ms)");
        def.define(RETRY_TIMEOUT_MS, Type.LONG, RETRY_TIMEOUT_MS_DEFAULT, Range.atLeast(0), Importance.MEDIUM,
                RETRY_TIMEOUT_MS_DOC, GROUP_RETRIES, ++order, Width.SHORT, "Retry timeout (ms)");
        def.define(BEHAVIOR_ON_ERROR, Type.STRING, BEHAVIOR_ON_ERROR_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in(BehaviorOnError.names()), Importance.MEDIUM,
                BEHAVIOR_ON_ERROR_DOC, GROUP_RETRIES, ++order, Width.SHORT, "Behavior on error");

        order = 0;
        def.define(SUBSCRIPTION_QUOTA_REQUESTS, Type.INT, SUBSCRIPTION_QUOTA_REQUESTS_DEFAULT, Range.atLeast(1),
                Importance.LOW, SUBSCRIPTION_QUOTA_REQUESTS_DOC, GROUP_SUBSCRIPTION, ++order, Width.SHORT,
                "Subscription quota");
        def.define(SUBSCRIPTION_QUOTA_WINDOW_MS, Type.LONG, SUBSCRIPTION_QUOTA_WINDOW_MS_DEFAULT, Range.atLeast(1),
                Importance.LOW, SUBSCRIPTION_QUOTA_WINDOW_MS_DOC, GROUP_SUBSCRIPTION, ++order, Width.SHORT,
                "Subscription quota window (ms)");
        def.define(SUBSCRIPTION_MAX_IDS, Type.INT, SUBSCRIPTION_MAX_IDS_DEFAULT, Range.between(1, 50), Importance.LOW,
                SUBSCRIPTION_MAX_IDS_DOC, GROUP_SUBSCRIPTION, ++order, Width.SHORT, "Ids per entry");
        def.define(SUBSCRIPTION_MAX_ENTRIES, Type.INT, SUBSCRIPTION_MAX_ENTRIES_DEFAULT, Range.atLeast(1),
                Importance.LOW, SUBSCRIPTION_MAX_ENTRIES_DOC, GROUP_SUBSCRIPTION, ++order, Width.SHORT,
                "Entries per request");
        order = 0;
        def.define(TOMBSTONE_HANDLING, Type.STRING, TOMBSTONE_HANDLING_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in("skip", "delete"), Importance.MEDIUM, TOMBSTONE_HANDLING_DOC,
                GROUP_DELETION, ++order, Width.SHORT, "Tombstones");
        def.define(DELETE_QUOTA_REQUESTS, Type.INT, 20_000, Range.atLeast(1), Importance.LOW, DELETE_QUOTA_REQUESTS_DOC,
                GROUP_DELETION, ++order, Width.SHORT, "Delete quota");
        def.define(DELETE_QUOTA_WINDOW_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                DELETE_QUOTA_WINDOW_MS_DOC, GROUP_DELETION, ++order, Width.SHORT, "Delete quota window (ms)");
        return def;
    }

    public boolean deleteOnTombstone() {
        return "delete".equalsIgnoreCase(getString(TOMBSTONE_HANDLING));
    }

    public int deleteQuotaRequests() {
        return getInt(DELETE_QUOTA_REQUESTS);
    }

    public Duration deleteQuotaWindow() {
        return Duration.ofMillis(getLong(DELETE_QUOTA_WINDOW_MS));
    }

    /** Single-key checks only; the cross-key ones are in {@link CrossKeyValidation}, run by Connector.validate(). */
    public BrazeSinkConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
    }

    /** Parses the URL, failing with the key and value named. */
    public static URI parseUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(REST_URL, value, "must be an absolute URL like https://rest.iad-01.braze.com");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(REST_URL, value, "not a valid URL: " + e.getMessage());
        }
    }

    public URI restUrl() {
        return parseUrl(getString(REST_URL));
    }

    public boolean allowInsecureHttp() {
        return getBoolean(ALLOW_INSECURE_HTTP);
    }

    public Password apiKey() {
        return getPassword(API_KEY);
    }

    /** The proxy, or null for a direct connection. */
    public java.net.InetSocketAddress proxy() {
        String value = getString(HTTP_PROXY).trim();
        if (value.isEmpty()) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        return java.net.InetSocketAddress.createUnresolved(value.substring(0, colon),
                Integer.parseInt(value.substring(colon + 1)));
    }

    public String truststoreLocation() {
        return getString(TRUSTSTORE_LOCATION).trim();
    }

    public Password truststorePassword() {
        return getPassword(TRUSTSTORE_PASSWORD);
    }

    public String truststoreType() {
        return getString(TRUSTSTORE_TYPE).toUpperCase(java.util.Locale.ROOT);
    }

    /** Extra headers, name to value, in the order given. */
    public java.util.Map<String, String> extraHeaders() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String entry : getList(HTTP_HEADERS)) {
            int colon = entry.indexOf(':');
            headers.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return headers;
    }

    public boolean trackBulk() {
        return getBoolean(TRACK_BULK);
    }

    public boolean validateConnectivity() {
        return getBoolean(VALIDATE_CONNECTIVITY);
    }

    /** host:port, or empty. */
    static final class HostPortValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                return;
            }
            int colon = text.lastIndexOf(':');
            try {
                int port = colon > 0 ? Integer.parseInt(text.substring(colon + 1)) : -1;
                if (port < 1 || port > 65535) {
                    throw new ConfigException(name, value, "must be host:port, e.g. proxy.internal:3128");
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value, "must be host:port, e.g. proxy.internal:3128");
            }
        }

        @Override
        public String toString() {
            return "host:port, or empty";
        }
    }

    /** Name:value entries; the connector's own headers cannot be replaced. */
    static final class HeaderListValidator implements ConfigDef.Validator {
        private static final java.util.Set<String> OWN = java.util.Set.of("authorization", "content-type", "host",
                "content-length");

        @Override
        public void ensureValid(String name, Object value) {
            if (!(value instanceof java.util.List<?> entries)) {
                return;
            }
            for (Object entry : entries) {
                String text = entry.toString();
                int colon = text.indexOf(':');
                if (colon <= 0 || text.substring(0, colon).isBlank()) {
                    throw new ConfigException(name, text, "each entry must be Name:value");
                }
                if (OWN.contains(text.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT))) {
                    throw new ConfigException(name, text.substring(0, colon), "is set by the connector itself");
                }
            }
        }

        @Override
        public String toString() {
            return "Name:value entries, comma-separated";
        }
    }

    public int trackMaxObjects() {
        return getInt(TRACK_MAX_OBJECTS);
    }

    public ObjectCapMode capMode() {
        return ObjectCapMode.parse(getString(TRACK_CAP_MODE));
    }

    public int maxPayloadBytes() {
        return getInt(MAX_PAYLOAD_BYTES);
    }

    public Duration linger() {
        return Duration.ofMillis(getLong(LINGER_MS));
    }

    public int maxInFlight() {
        return getInt(MAX_IN_FLIGHT);
    }

    public int bufferMaxRecords() {
        return getInt(BUFFER_MAX_RECORDS);
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS));
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
    }

    public int quotaRequests() {
        return getInt(QUOTA_REQUESTS);
    }

    public Duration quotaWindow() {
        return Duration.ofMillis(getLong(QUOTA_WINDOW_MS));
    }

    public double quotaShare() {
        return getDouble(QUOTA_SHARE);
    }

    public Duration backoffInitial() {
        return Duration.ofMillis(getLong(BACKOFF_INITIAL_MS));
    }

    public Duration backoffMax() {
        return Duration.ofMillis(getLong(BACKOFF_MAX_MS));
    }

    public Duration retryTimeout() {
        return Duration.ofMillis(getLong(RETRY_TIMEOUT_MS));
    }

    public BehaviorOnError behaviorOnError() {
        return BehaviorOnError.parse(getString(BEHAVIOR_ON_ERROR));
    }

    public int subscriptionQuotaRequests() {
        return getInt(SUBSCRIPTION_QUOTA_REQUESTS);
    }

    public Duration subscriptionQuotaWindow() {
        return Duration.ofMillis(getLong(SUBSCRIPTION_QUOTA_WINDOW_MS));
    }

    public int subscriptionMaxIdsPerEntry() {
        return getInt(SUBSCRIPTION_MAX_IDS);
    }

    public int subscriptionMaxEntriesPerRequest() {
        return getInt(SUBSCRIPTION_MAX_ENTRIES);
    }
}
