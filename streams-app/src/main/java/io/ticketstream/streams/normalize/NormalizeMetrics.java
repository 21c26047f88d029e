package io.ticketstream.streams.normalize;

import java.util.EnumMap;
import java.util.Map;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Custom Kafka Streams sensors counting the raw records that did not become a row, per mapping and
 * reason: metric group {@code stream-ticketstream-normalize-metrics}, names {@code <reason>-total} and
 * {@code <reason>-rate}, tag {@code ticketstream-normalize-id=<mapping>}. Records dead-lettered through
 * the deserialization handler are counted by Kafka Streams' own task-level {@code dropped-records-total}.
 */
final class NormalizeMetrics {

    static final String SCOPE = "ticketstream-normalize";

    enum Reason {
        /** Null value after a delete: the {@code d} event already produced the delete row. */
        SKIPPED_TOMBSTONE("skipped-tombstone"),
        SKIPPED_TRUNCATE("skipped-truncate"),
        SKIPPED_MESSAGE("skipped-message"),
        /** Mapping says {@code deletes: skip}. */
        SKIPPED_DELETE("skipped-delete"),
        /** MongoDB partial update that changed only unmapped fields. */
        SKIPPED_UNMAPPED_UPDATE("skipped-unmapped-update"),
        /** Thrown to the processing exception handler, which writes the raw record to the DLQ. */
        DEAD_LETTERED("dead-lettered");

        final String operation;

        Reason(String operation) {
            this.operation = operation;
        }
    }

    private final Map<Reason, Sensor> sensors = new EnumMap<>(Reason.class);

    NormalizeMetrics(StreamsMetrics metrics, String mapping) {
        for (Reason reason : Reason.values()) {
            sensors.put(reason, metrics.addRateTotalSensor(SCOPE, mapping, reason.operation, Sensor.RecordingLevel.INFO));
        }
    }

    void record(Reason reason) {
        sensors.get(reason).record();
    }
}
