package io.ticketstream.connect.braze.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * The task's metrics in the worker's own registry through {@code SinkTaskContext.pluginMetrics()} (KIP-877): they
 * are reported wherever the worker reports its metrics (JMX {@code kafka.connect:type=plugins,connector=…,task=…},
 * or any configured metrics reporter), tagged with the connector and task by Connect. Only this class names
 * {@link PluginMetrics}, so the plugin still loads on a worker older than 4.1, which lacks it.
 */
final class ConnectPluginMetrics implements MetricsRegistry {

    private final PluginMetrics metrics;
    private final List<String> sensors = new ArrayList<>();
    private final List<MetricName> gauges = new ArrayList<>();

    ConnectPluginMetrics(PluginMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public MetricName name(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }

    @Override
    public Sensor sensor(String name) {
        sensors.add(name);
        return metrics.addSensor(name);
    }

    @Override
    public void gauge(MetricName name, MetricValueProvider<?> value) {
        gauges.add(name);
        metrics.addMetric(name, value);
    }

    @Override
    public void close() {
        sensors.forEach(metrics::removeSensor);
        gauges.forEach(metrics::removeMetric);
    }
}
