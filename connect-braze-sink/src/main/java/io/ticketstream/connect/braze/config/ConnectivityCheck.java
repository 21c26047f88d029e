package io.ticketstream.connect.braze.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import io.ticketstream.connect.braze.http.HttpResult;
import io.ticketstream.connect.braze.http.JdkBrazeTransport;
import io.ticketstream.connect.braze.pacing.Endpoint;

/**
 * Connector.validate()'s call to Braze, as Debezium's validation connects to its database: one POST /users/track
 * with no objects through the configured host, proxy and truststore. Braze refuses it (no objects), so nothing is
 * written, but how it refuses tells: 401 means the key (or the instance) is wrong, 404 the URL, no answer the host,
 * proxy or truststore. Any other answer (400, 429, 2xx, 403 for a key without users.track that only sends
 * subscriptions) means Braze is reachable with this key. The messages name the host, never the key.
 */
public final class ConnectivityCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private ConnectivityCheck() {
    }

    /** Adds the outcome to the key it is about, when the config is otherwise valid and the check is on. */
    public static Config check(Config config, Map<String, String> props) {
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        if (config.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return config; // fix those first: a call with a broken config says nothing new
        }
        BrazeSinkConfig parsed;
        JdkBrazeTransport transport;
        try {
            parsed = new BrazeSinkConfig(props);
            if (!parsed.validateConnectivity()) {
                return config;
            }
            transport = new JdkBrazeTransport(parsed, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        } catch (ConfigException e) {
            ConfigValue value = values.get(e.getMessage().contains(BrazeSinkConfig.TRUSTSTORE_LOCATION)
                    ? BrazeSinkConfig.TRUSTSTORE_LOCATION : BrazeSinkConfig.REST_URL);
            value.addErrorMessage(e.getMessage());
            return config;
        }
        try {
            HttpResult result = transport.post(Endpoint.TRACK.path(), "{}".getBytes(StandardCharsets.UTF_8));
            switch (result.status()) {
                case 401 -> values.get(BrazeSinkConfig.API_KEY).addErrorMessage("Braze at " + transport.describeRoute()
                        + " rejected the key (401): it is wrong or revoked, or the workspace lives on another REST "
                        + "instance (" + BrazeSinkConfig.REST_URL + ")");
                case 404 -> values.get(BrazeSinkConfig.REST_URL).addErrorMessage("Braze at " + transport.describeRoute()
                        + " has no /users/track (404): " + BrazeSinkConfig.REST_URL + " must be the instance's base URL");
                default -> {
                    // reachable, and the key is accepted (or only lacks users.track, which a subscription-only
                    // connector does not need)
                }
            }
        } catch (IOException e) {
            values.get(BrazeSinkConfig.REST_URL).addErrorMessage("cannot reach Braze at " + transport.describeRoute()
                    + ": " + e + " (check the host, " + BrazeSinkConfig.HTTP_PROXY + " and "
                    + BrazeSinkConfig.TRUSTSTORE_LOCATION + "; " + BrazeSinkConfig.VALIDATE_CONNECTIVITY
                    + "=false skips this check)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
        }
        return config;
    }
}
