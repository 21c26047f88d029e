package io.ticketstream.connect.braze.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What to do with a record Braze (or the input contract) rejects when the worker has no dead-letter
 * queue configured. With a dead-letter queue the record is always reported there.
 */
public enum BehaviorOnError {
    /** Fail the task: nothing is skipped silently. */
    FAIL,
    /** Log the record's coordinates (topic, partition, offset) and the reason, then skip it. */
    LOG,
    /** Skip it; only a metric counts it. */
    IGNORE;

    public static BehaviorOnError parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static String[] names() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    public static String joined() {
        return Arrays.stream(names()).collect(Collectors.joining(", "));
    }
}
