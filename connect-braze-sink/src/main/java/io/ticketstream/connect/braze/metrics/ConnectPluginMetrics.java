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
    private final String sensorPrefix;
    private final List<String> sensors = new ArrayList<>();
    private final List<MetricName> gauges = new ArrayList<>();

    /**
     * @param sensorPrefix unique to the task: the worker keeps ONE registry, and a sensor is found by its name
     *                     alone, so two tasks' "track-request" sensors would otherwise be one (each task's
     *                     metrics showing the sum of all)
     */
    ConnectPluginMetrics(PluginMetrics metrics, String sensorPrefix) {
        this.metrics = metrics;
        this.sensorPrefix = sensorPrefix;
    }

    @Override
    public MetricName name(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }

    @Override
    public Sensor sensor(String name) {
        sensors.add(sensorPrefix + name);
        return metrics.addSensor(sensorPrefix + name);
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
