package io.ticketstream.ops.connect;

import java.util.List;
import java.util.Map;

/**
 * How much a key missing from Connect's validate answer tells. Connect lists the keys each plugin declares in its
 * ConfigDef; some plugins also read keys they do not declare, and Connect itself takes some keys dynamically. So:
 * <ul>
 *   <li>{@link Verdict#ERROR}: the answer is complete. Keys under Connect's own prefixes (transforms, predicates,
 *       converters, error handling, client overrides: Connect enriches the answer with each of their configs), and
 *       every key of a connector whose ConfigDef declares all it reads: ours ({@code io.ticketstream.}) and Kafka's
 *       own ({@code org.apache.kafka.});</li>
 *   <li>{@link Verdict#PASSTHROUGH}: documented keys Connect or the plugin reads without declaring them (below);
 *       not checked;</li>
 *   <li>{@link Verdict#WARNING}: any other key of a third-party connector: probably a typo, possibly read
 *       undeclared. Said loudly with the closest known key, but not blocking.</li>
 * </ul>
 */
final class UnknownKeys {

    enum Verdict { ERROR, WARNING, PASSTHROUGH }

    private static final List<String> CONNECT_PREFIXES = List.of("transforms.", "predicates.", "errors.",
            "key.converter.", "value.converter.", "header.converter.",
            "consumer.override.", "producer.override.", "admin.override.");

    /** Connectors whose ConfigDef declares every key they read. */
    private static final List<String> COMPLETE_PLUGINS = List.of("io.ticketstream.", "org.apache.kafka.");

    /**
     * Keys read but not declared, by connector class prefix. Connect: {@code topic.creation.<group>.*} of source
     * connectors (per-group topic settings, dynamic). Debezium: JDBC driver properties ({@code driver.*},
     * {@code database.*} pass-through), the Kafka signal channel's and schema history's own clients, and
     * {@code incremental.snapshot.chunk.size}, which the MongoDB connector reads but does not declare. Snowflake
     * 2.5: {@code snowflake.jdbc.map} and {@code snowflake.enable.schematization}, read from the raw config.
     */
    private static final Map<String, List<String>> PASSTHROUGH = Map.of(
            "", List.of("topic.creation."),
            "io.debezium.", List.of("driver.", "database.", "signal.kafka.", "signal.consumer.", "signal.producer.",
                    "schema.history.internal.", "incremental.snapshot.chunk.size"),
            "com.snowflake.kafka.connector.", List.of("snowflake.jdbc.map", "snowflake.enable.schematization"));

    private UnknownKeys() {
    }

    static Verdict classify(String connectorClass, String key) {
        for (Map.Entry<String, List<String>> e : PASSTHROUGH.entrySet()) {
            if (connectorClass.startsWith(e.getKey()) && e.getValue().stream().anyMatch(key::startsWith)) {
                return Verdict.PASSTHROUGH;
            }
        }
        if (CONNECT_PREFIXES.stream().anyMatch(key::startsWith) || COMPLETE_PLUGINS.stream().anyMatch(connectorClass::startsWith)) {
            return Verdict.ERROR;
        }
        return Verdict.WARNING;
    }
}
