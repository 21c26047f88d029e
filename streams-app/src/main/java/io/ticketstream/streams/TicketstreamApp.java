package io.ticketstream.streams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.normalize.mapping.MappingException;
import io.ticketstream.streams.topology.TicketstreamTopology;

/**
 * {@code java -jar streams-app-<version>-all.jar --config <file>}: loads the configuration (file plus
 * environment overrides), builds the topology, logs it and the effective configuration (secrets masked),
 * runs Kafka Streams until it stops or SIGTERM arrives, and closes it within {@code shutdown.timeout.ms}.
 *
 * <p>Exit codes: 0 after a clean stop, 1 when Kafka Streams failed (state ERROR), 2 for a usage,
 * configuration or mapping error at start-up. On SIGTERM the JVM's own status applies (143) after the
 * shutdown hook has closed Kafka Streams.
 */
public final class TicketstreamApp {

    private static final Logger log = LoggerFactory.getLogger(TicketstreamApp.class);

    public static final String USAGE = "usage: java -jar streams-app.jar --config <file.properties>\n"
            + "  environment overrides: TICKETSTREAM_X_Y -> x.y (application keys), KAFKA_X_Y -> x.y (Kafka Streams/client keys)";

    private TicketstreamApp() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.getenv());
        } finally {
            LogManager.shutdown();
        }
        System.exit(code);
    }

    public static int run(String[] args, Map<String, String> env) {
        AppConfig config;
        Topology topology;
        try {
            config = AppConfig.load(configPath(args), env);
            topology = buildTopology(config);
        } catch (IllegalArgumentException | ConfigException | MappingException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.err.println(e.getMessage());
            return StreamsLifecycle.EXIT_BAD_CONFIG;
        }
        StreamsLifecycle lifecycle = start(config, topology);
        Thread hook = new Thread(() -> {
            log.info("Shutdown requested: closing Kafka Streams (timeout {})", config.shutdownTimeout());
            lifecycle.close();
            log.info("Kafka Streams closed");
            LogManager.shutdown();
        }, "ticketstream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int code = lifecycle.awaitStop();
            Runtime.getRuntime().removeShutdownHook(hook);
            log.info("Kafka Streams stopped (exit code {})", code);
            return code;
        } catch (IllegalStateException shutdownInProgress) {
            return StreamsLifecycle.EXIT_OK; // the hook is closing it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lifecycle.close();
        }
    }

    /**
     * Logs what is about to run (version, effective configuration with secrets hidden, topology) and starts
     * Kafka Streams. Tests call this to run exactly what main runs.
     */
    public static StreamsLifecycle start(AppConfig config, Topology topology) {
        log.info("ticketstream streams-app {} starting", version());
        log.info("Effective configuration (secrets hidden):\n{}", describe(config));
        log.info("Topology:\n{}", topology.describe());
        StreamsLifecycle lifecycle = new StreamsLifecycle(new KafkaStreams(topology, config.streamsProperties()),
                config.shutdownTimeout());
        lifecycle.start();
        return lifecycle;
    }

    /** The join engineer's entry point builds the whole topology (normalisation included). */
    public static Topology buildTopology(AppConfig config) {
        return TicketstreamTopology.build(config);
    }

    static Path configPath(String[] args) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        Path path = Path.of(args[1]);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("config file " + path + " does not exist or is not readable\n" + USAGE);
        }
        return path;
    }

    public static String describe(AppConfig config) {
        return config.describe().entrySet().stream().map(e -> "  " + e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    public static String version() {
        try (InputStream in = TicketstreamApp.class.getClassLoader().getResourceAsStream("ticketstream-streams.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
