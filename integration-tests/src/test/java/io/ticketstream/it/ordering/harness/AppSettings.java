package io.ticketstream.it.ordering.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The properties file a user gives the streams app ({@code --config}), with the issue-10 contract's keys set so the
 * scenarios mean something: a tolerance larger than the hold-backs, a short grace so late and unknown dimensions
 * resolve within a test, and a wall-clock bound far above what any legitimate wait here takes.
 */
public record AppSettings(String applicationId, long graceMs, long toleranceMs, long idleMs, long maxWaitMs,
                          long watermarkIntervalMs, int standbyReplicas) {

    /** The default application.id; each run adds its own suffix. */
    public static final String APPLICATION_ID = "ticketstream";

    /**
     * Tolerance 3 s (hold-backs up to 2 s), grace 2 s, and a 60 s bound: far above what a legitimate wait takes in
     * these small worlds even on a loaded machine (a backlog is consumed in about 10 s), so that it never releases a
     * fact early, yet short enough to wait out when a run fails.
     */
    public static AppSettings forScenarios(String applicationId, int standbyReplicas) {
        return new AppSettings(applicationId, 2_000, 3_000, 200, 60_000, 100, standbyReplicas);
    }

    public Path write(Path file, String bootstrapServers, Path stateDir) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("application.id", applicationId);
        props.put("state.dir", stateDir.toString());
        // one broker
        props.put("replication.factor", "1");
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("num.standby.replicas", Integer.toString(standbyReplicas));
        // A killed instance's partitions move once its session expires: Kafka's default (45 s) would make every
        // kill -9 cost 45 s of waiting; 10 s is a setting an operator may choose as well.
        props.put("session.timeout.ms", "10000");
        props.put("heartbeat.interval.ms", "2000");
        props.put("sale.grace.ms", Long.toString(graceMs));
        props.put("completeness.tolerance.ms", Long.toString(toleranceMs));
        props.put("completeness.idle.ms", Long.toString(idleMs));
        props.put("completeness.max.wait.ms", Long.toString(maxWaitMs));
        props.put("watermark.interval.ms", Long.toString(watermarkIntervalMs));
        Files.createDirectories(stateDir);
        return Files.writeString(file, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    }
}
