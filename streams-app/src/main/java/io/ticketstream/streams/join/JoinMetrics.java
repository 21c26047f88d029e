package io.ticketstream.streams.join;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Custom Kafka Streams sensors of a join that holds facts until they are complete: metric group
 * {@code stream-ticketstream-join-metrics}, tag {@code ticketstream-join-id=<join>}, names
 * {@code facts-overdue-total}/{@code -rate}: facts emitted because they waited {@code completeness.max.wait.ms},
 * with what was known then (alert on any: an upstream task is down or far behind).
 */
public final class JoinMetrics {

    static final String SCOPE = "ticketstream-join";

    private final Sensor overdue;

    public JoinMetrics(StreamsMetrics metrics, String join) {
        this.overdue = metrics.addRateTotalSensor(SCOPE, join, "facts-overdue", Sensor.RecordingLevel.INFO);
    }

    public void overdue() {
        overdue.record();
    }
}
