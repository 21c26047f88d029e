package io.ticketstream.local;

import java.nio.file.Path;

/**
 * What one run of the local stack uses: the repository root (connectors/, the plugin folder), the data folder,
 * the ports, the traffic rate. Fixed default ports so a newcomer can point psql, kcat or a browser at them.
 *
 * @param checkoutsPerSecond simulated check-outs per second (each is ~8 change events)
 * @param brazeRequestsPerWindow the Braze simulator's /users/track rate limit, per 3-second window
 */
public record StackSettings(Path repoRoot, Path dataDir, int kafkaPort, int controllerPort, int connectPort,
                            int postgresPort, int brazePort, double checkoutsPerSecond, long seed,
                            int brazeRequestsPerWindow) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_CONNECT_PORT = 8083;
    public static final int DEFAULT_POSTGRES_PORT = 55432;
    public static final int DEFAULT_BRAZE_PORT = 8085;
    public static final double DEFAULT_RATE = 5.0;
    public static final int DEFAULT_BRAZE_REQUESTS_PER_WINDOW = 100;

    public Path logsDir() { return dataDir.resolve("logs"); }

    public Path kafkaDir() { return dataDir.resolve("kafka"); }

    public Path postgresDataDir() { return dataDir.resolve("postgres").resolve("data"); }

    public Path streamsStateDir() { return dataDir.resolve("streams"); }

    public Path secretsDir() { return dataDir.resolve("secrets"); }

    public Path connectorsDir() { return repoRoot.resolve("connectors"); }

    public Path pluginPath() { return repoRoot.resolve("connect-plugins").resolve("target").resolve("plugins"); }

    public String bootstrapServers() { return "127.0.0.1:" + kafkaPort; }
}
