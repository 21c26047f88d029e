package io.ticketstream.connect.braze;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.connect.braze.config.BrazeHosts;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.config.ConnectivityCheck;
import io.ticketstream.connect.braze.config.CrossKeyValidation;

/**
 * Sink connector to Braze's REST API (users/track and subscription status). The tasks share the workspace's rate
 * limit by what Braze reports as left, not by a fixed split; see {@link io.ticketstream.connect.braze.pacing.RequestPacer}.
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
        ConfigException invalid = CrossKeyValidation.firstError(CrossKeyValidation.check(super.validate(props)));
        if (invalid != null) {
            throw invalid; // a config stored before a check existed, or written around the REST validation
        }
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

    /**
     * Single-key checks from the ConfigDef, the cross-key checks, then (when all pass) a call to Braze, so the REST
     * validate call shows every problem on its key.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConnectivityCheck.check(CrossKeyValidation.check(super.validate(connectorConfigs)), connectorConfigs);
    }
}
