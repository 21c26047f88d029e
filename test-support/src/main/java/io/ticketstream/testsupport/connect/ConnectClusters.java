package io.ticketstream.testsupport.connect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * An {@link EmbeddedConnectCluster} (real KRaft broker + real Connect worker, in-process) set up like our production
 * workers: plugins loaded with isolation from a plugin.path folder, and the {@code env} and {@code file} config
 * providers so connector JSON can say {@code ${env:BRAZE_API_KEY}} or {@code ${file:/secrets/x.properties:key}}.
 *
 * <pre>{@code
 * EmbeddedConnectCluster connect = ConnectClusters.builder("braze-it", PluginPath.assembled()).build();
 * connect.start();
 * }</pre>
 *
 * <p>Remember: the embedded broker does not auto-create topics. A source connector needs
 * {@code topic.creation.default.replication.factor=1} and {@code topic.creation.default.partitions=N} in its
 * config (or pre-created topics), else it runs and produces nothing.
 */
public final class ConnectClusters {

    /** Short, so sink tests see offsets committed (and so delivered batches acknowledged) quickly. */
    public static final String OFFSET_FLUSH_INTERVAL_MS = "1000";

    public static final String PLUGIN_DISCOVERY = "service_load";

    private ConnectClusters() {
    }

    /** One broker, one worker, plugins from {@code pluginPath}, env/file config providers. */
    public static EmbeddedConnectCluster.Builder builder(String name, Path pluginPath) {
        return new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(workerProps(pluginPath));
    }

    /** The worker settings {@link #builder} uses, for a caller that needs to add its own before building. */
    public static Map<String, String> workerProps(Path pluginPath) {
        Map<String, String> props = new HashMap<>();
        props.put("plugin.path", pluginPath.toAbsolutePath().toString());
        // As our production workers: plugins are found through their ServiceLoader manifests only. The default
        // (hybrid_fail) also scans every class of every jar by reflection, minutes on a busy 2-core machine with the
        // Snowflake jar; and service_load makes a plugin whose manifest is missing fail here, not in production.
        props.put("plugin.discovery", PLUGIN_DISCOVERY);
        props.put("offset.flush.interval.ms", OFFSET_FLUSH_INTERVAL_MS);
        props.put("config.providers", "env,file");
        props.put("config.providers.env.class", EnvVarConfigProvider.class.getName());
        props.put("config.providers.file.class", FileConfigProvider.class.getName());
        return props;
    }
}
