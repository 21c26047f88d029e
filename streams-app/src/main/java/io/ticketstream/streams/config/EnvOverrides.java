package io.ticketstream.streams.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables that override the properties file, for containers and per-environment secrets.
 *
 * <p>Naming rule: {@code TICKETSTREAM_X_Y} sets {@code x.y} (this application's keys, e.g.
 * {@code TICKETSTREAM_TOPIC_DLQ -> topic.dlq}); {@code KAFKA_X_Y} sets {@code x.y} and passes through to
 * Kafka Streams and its clients (e.g. {@code KAFKA_BOOTSTRAP_SERVERS -> bootstrap.servers},
 * {@code KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config}). Lower-cased, every {@code _} becomes {@code .}.
 * Kafka's launcher variables ({@code KAFKA_*_OPTS}, {@code KAFKA_DEBUG}) are not config and are ignored.
 * When both prefixes name the same key, {@code TICKETSTREAM_} wins.
 */
public final class EnvOverrides {

    public static final String APP_PREFIX = "TICKETSTREAM_";
    public static final String KAFKA_PREFIX = "KAFKA_";

    private EnvOverrides() {
    }

    public static Map<String, String> from(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && !isLauncherVariable(name)) {
                out.put(toKey(name.substring(KAFKA_PREFIX.length())), value);
            }
        });
        env.forEach((name, value) -> {
            if (name.startsWith(APP_PREFIX)) {
                out.put(toKey(name.substring(APP_PREFIX.length())), value);
            }
        });
        out.remove("");
        return out;
    }

    static String toKey(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static boolean isLauncherVariable(String name) {
        return name.endsWith("_OPTS") || name.equals("KAFKA_DEBUG") || name.equals("KAFKA_HOME");
    }
}
