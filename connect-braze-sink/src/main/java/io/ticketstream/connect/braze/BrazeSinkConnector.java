package io.ticketstream.connect.braze;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.connect.braze.config.BrazeHosts;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;

/**
 * Sink connector to Braze's REST API (users/track and subscription status). Every task gets an equal share of
 * the configured quota share; see {@link BrazeSinkTask}.
 */
public class BrazeSinkConnector extends SinkConnector {

    /** Task-only keys added by {@link #taskConfigs(int)}; not user settings. */
    static final String TASK_COUNT = "braze.internal.task.count";
    static final String TASK_ID = "braze.internal.task.id";

    private static final Logger log = LoggerFactory.getLogger(BrazeSinkConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        BrazeSinkConfig config = new BrazeSinkConfig(props);
        URI url = config.restUrl();
        if (!BrazeHosts.isKnown(url)) {
            log.warn("{}={} is not one of Braze's documented REST hosts; fine for a simulator or a new instance, "
                    + "otherwise check the URL", BrazeSinkConfig.REST_URL, url.getScheme() + "://" + url.getAuthority());
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BrazeSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TASK_COUNT, Integer.toString(maxTasks));
            task.put(TASK_ID, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return BrazeSinkConfig.CONFIG_DEF;
    }

    /** Single-key checks from the ConfigDef, plus the cross-key checks, so the REST validate call shows them all. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        ConfigValue url = values.get(BrazeSinkConfig.REST_URL);
        ConfigValue insecure = values.get(BrazeSinkConfig.ALLOW_INSECURE_HTTP);
        if (url != null && url.errorMessages().isEmpty() && url.value() != null) {
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
                } else if (!BrazeHosts.isKnown(uri)) {
                    log.warn("{} host {} is not one of Braze's documented REST hosts", BrazeSinkConfig.REST_URL, uri.getHost());
                }
            } catch (ConfigException e) {
                url.addErrorMessage(e.getMessage());
            }
        }
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
}
