package io.ticketstream.ops.command;

import io.ticketstream.ops.kafka.BootstrapCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

/** Where Kafka is and how to talk to it, as Kafka's own tools take it; shared by every command that reads Kafka. */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "${env:TICKETSTREAM_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env TICKETSTREAM_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Client properties (security.protocol, sasl.*, ssl.*), as Kafka's tools take them.")
    Path commandConfig;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "Timeout of one Kafka call (default ${DEFAULT-VALUE}).")
    Duration timeout;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Fails at once, with the cause in words, when no bootstrap address accepts a connection. */
    public void requireReachable() {
        BootstrapCheck.requireReachable(bootstrapServers);
    }

    /** The --command-config properties (security settings) with the bootstrap servers. */
    public Properties clientProperties() {
        Properties props = new Properties();
        if (commandConfig != null) {
            try (InputStream in = Files.newInputStream(commandConfig)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("--command-config " + commandConfig + ": " + e.getMessage(), e);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    public Admin admin(String clientId) {
        Properties props = clientProperties();
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 30_000)));
        return Admin.create(props);
    }
}
