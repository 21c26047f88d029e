package io.ticketstream.connect.braze.metrics;

import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * On a worker older than Kafka 4.1 (no plugin metrics) and in unit tests: the same sensors in a private registry
 * that reports nowhere. Delivery code never needs to know which one it has.
 */
final class PrivateMetrics implements MetricsRegistry {

    static final String GROUP = "braze-sink-task-metrics";

    private final Metrics metrics = new Metrics();
    private final Map<String, String> tags;

    PrivateMetrics(String connector, String task) {
        this.tags = Map.of("connector", connector, "task", task);
    }

    @Override
    public MetricName name(String name, String description) {
        return metrics.metricName(name, GROUP, description, tags);
    }

    @Override
    public Sensor sensor(String name) {
        return metrics.sensor(name);
    }

    @Override
    public void gauge(MetricName name, MetricValueProvider<?> value) {
        metrics.addMetric(name, value);
    }

    /** For tests: the current value of a metric, or null. */
    Object value(String name) {
        var metric = metrics.metrics().get(metrics.metricName(name, GROUP, tags));
        return metric == null ? null : metric.metricValue();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
