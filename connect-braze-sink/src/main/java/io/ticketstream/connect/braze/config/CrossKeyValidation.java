package io.ticketstream.connect.braze.config;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The checks that involve more than one key, in one place. They run in {@code Connector.validate()} (so the REST
 * validate call shows each message on its key, as Kafka's MirrorMaker connectors do) and again when the connector
 * starts; {@link BrazeSinkConfig} itself checks keys one at a time only.
 */
public final class CrossKeyValidation {

    private CrossKeyValidation() {
    }

    /** Adds an error message to the key each failed check is about. */
    public static Config check(Config config) {
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        checkUrl(values.get(BrazeSinkConfig.REST_URL), values.get(BrazeSinkConfig.ALLOW_INSECURE_HTTP));
        ConfigValue initial = values.get(BrazeSinkConfig.BACKOFF_INITIAL_MS);
        ConfigValue max = values.get(BrazeSinkConfig.BACKOFF_MAX_MS);
        if (initial != null && max != null && initial.value() instanceof Long i && max.value() instanceof Long m && m < i) {
            max.addErrorMessage(BrazeSinkConfig.BACKOFF_MAX_MS + " (" + m + ") must be at least "
                    + BrazeSinkConfig.BACKOFF_INITIAL_MS + " (" + i + ")");
        }
        ConfigValue linger = values.get(BrazeSinkConfig.LINGER_MS);
        ConfigValue window = values.get(BrazeSinkConfig.QUOTA_WINDOW_MS);
        if (linger != null && window != null && linger.value() instanceof Long l && window.value() instanceof Long w && l > w) {
            linger.addErrorMessage(BrazeSinkConfig.LINGER_MS + " (" + l + ") longer than the rate-limit window "
                    + BrazeSinkConfig.QUOTA_WINDOW_MS + " (" + w + ") would leave quota unused");
        }
        return config;
    }

    private static void checkUrl(ConfigValue url, ConfigValue insecure) {
        if (url == null || !url.errorMessages().isEmpty() || url.value() == null) {
            return;
        }
        try {
            URI uri = BrazeSinkConfig.parseUrl((String) url.value());
            boolean allowHttp = insecure != null && Boolean.TRUE.equals(insecure.value());
            if ("http".equalsIgnoreCase(uri.getScheme()) && !allowHttp) {
                url.addErrorMessage(BrazeSinkConfig.REST_URL + " is http://, which would send the API key in clear "
                        + "text; use https:// or set " + BrazeSinkConfig.ALLOW_INSECURE_HTTP + "=true for a local simulator");
            } else if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                url.addErrorMessage(BrazeSinkConfig.REST_URL + " must be an https:// URL, was scheme '"
                        + uri.getScheme() + "'");
            } else if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                url.addErrorMessage(BrazeSinkConfig.REST_URL + " must be the instance's base URL with no path "
                        + "(e.g. https://rest.iad-01.braze.com), was path '" + uri.getPath() + "'");
            }
        } catch (ConfigException e) {
            url.addErrorMessage(e.getMessage());
        }
    }

    /** The first error of a checked config as an exception, for start(); null when there is none. */
    public static ConfigException firstError(Config config) {
        for (ConfigValue value : config.configValues()) {
            if (!value.errorMessages().isEmpty()) {
                return new ConfigException(value.name(), value.value(), String.join("; ", value.errorMessages()));
            }
        }
        return null;
    }
}
