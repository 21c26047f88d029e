package io.ticketstream.connect.braze.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Sensor;

/** Where the task's sensors and gauges live: Connect's plugin metrics (4.1+), or a private registry on older workers. */
interface MetricsRegistry extends AutoCloseable {

    MetricName name(String name, String description);

    Sensor sensor(String name);

    void gauge(MetricName name, MetricValueProvider<?> value);

    @Override
    void close();
}
