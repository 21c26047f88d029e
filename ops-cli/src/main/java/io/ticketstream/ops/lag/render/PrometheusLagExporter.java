package io.ticketstream.ops.lag.render;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ticketstream.ops.lag.PartitionLag;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the latest round on {@code /metrics} in Prometheus text format through Prometheus' own client library.
 * Gauges read the latest results at scrape time (callbacks), so partitions that disappear leave no stale series.
 */
public final class PrometheusLagExporter implements AutoCloseable {
    private static final String[] LABELS = {"group", "topic", "partition"};

    private final AtomicReference<List<PartitionLag>> latest = new AtomicReference<>(List.of());
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final HTTPServer server;

    public PrometheusLagExporter(String host, int port) throws IOException {
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_lag_records")
                .help("Records between the group's committed offset and the partition's end offset")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> cb.call(l.lagRecords(), labels(l))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_lag_seconds")
                .help("Estimated age of the oldest unconsumed record (interpolated from sampled end offsets); absent until estimable")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> l.lagSeconds().ifPresent(s -> cb.call(s, labels(l)))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_lag_status")
                .help("Burrow-style partition status: OK=0 WARN=1 STALL=2 STOP=3 REWIND=4 UNKNOWN=-1")
                .labelNames("group", "topic", "partition", "status")
                .callback(cb -> latest.get().forEach(l -> cb.call(l.status().code(),
                        l.key().group(), l.key().topic(), Integer.toString(l.key().partition()), l.status().name())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_committed_offset")
                .help("The group's committed offset")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> cb.call(l.committedOffset(), labels(l))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_end_offset")
                .help("The partition's end offset when sampled")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> cb.call(l.endOffset(), labels(l))))
                .register(registry);
        this.server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    }

    public void publish(List<PartitionLag> lags) {
        latest.set(List.copyOf(lags));
    }

    public int port() {
        return server.getPort();
    }

    private static String[] labels(PartitionLag l) {
        return new String[] {l.key().group(), l.key().topic(), Integer.toString(l.key().partition())};
    }

    @Override
    public void close() {
        server.close();
    }
}
