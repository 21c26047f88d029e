package io.ticketstream.local.kafka;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.ticketstream.local.connect.StackEnvConfigProvider;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real distributed-mode Kafka Connect worker ({@link ConnectDistributed}, what {@code connect-distributed.sh}
 * runs) in this process: connector configs, source offsets and statuses live in compacted topics of the local
 * broker, so connectors and their positions survive a restart. Secrets reach connectors only through the
 * worker's {@code env} ({@link StackEnvConfigProvider}) and {@code file} config providers.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);

    private final String bootstrapServers;
    private final int restPort;
    private final Path pluginPath;
    private final Path secretsDir;
    private final Path secretsFile;
    private Connect<?> connect;

    public ConnectWorker(String bootstrapServers, int restPort, Path pluginPath, Path secretsDir, Path secretsFile) {
        this.bootstrapServers = bootstrapServers;
        this.restPort = restPort;
        this.pluginPath = pluginPath.toAbsolutePath();
        this.secretsDir = secretsDir.toAbsolutePath();
        this.secretsFile = secretsFile.toAbsolutePath();
    }

    public URI restUri() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    public void start() {
        if (!Files.isDirectory(pluginPath)) {
            throw new IllegalStateException("plugin.path " + pluginPath + " does not exist: build it with "
                    + "./mvnw -q -pl connect-plugins install -DskipTests");
        }
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "ticketstream-local-connect");
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.flush.interval.ms", "5000");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("listeners", "http://127.0.0.1:" + restPort);
        props.put("rest.advertised.host.name", "127.0.0.1");
        props.put("rest.advertised.port", String.valueOf(restPort));
        props.put("plugin.path", pluginPath.toString());
        // ServiceLoader manifests only: scanning every jar of the plugin folder by reflection (hybrid modes) took
        // minutes on a loaded 2-core machine. Every plugin the local stack uses ships its manifests.
        props.put("plugin.discovery", "service_load");
        props.put("config.providers", "env,file");
        // ${env:...} of connectors/ answered from the stack's secrets file: an in-process worker has no environment of its own
        props.put("config.providers.env.class", StackEnvConfigProvider.class.getName());
        props.put("config.providers.env.param." + StackEnvConfigProvider.SECRETS_FILE, secretsFile.toString());
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        props.put("config.providers.file.param.allowed.paths", secretsDir.toString());
        props.put("connector.client.config.override.policy", "All");
        props.put("scheduled.rebalance.max.delay.ms", "0");
        connect = new ConnectDistributed().startConnect(props);
        log.info("Kafka Connect worker (distributed, real) REST on {}; plugin.path {}", restUri(), pluginPath);
    }

    @Override
    public void close() {
        if (connect != null) {
            connect.stop();
            connect.awaitStop();
            connect = null;
            log.info("Kafka Connect worker stopped");
        }
    }
}
