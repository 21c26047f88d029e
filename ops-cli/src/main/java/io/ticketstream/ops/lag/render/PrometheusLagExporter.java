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
 * A failed round drops every lag series (old numbers must not pass for current ones) and sets
 * {@code ticketstream_lag_exporter_up} to 0; {@code ticketstream_lag_exporter_last_success_timestamp_seconds} says
 * since when the numbers are missing.
 */
public final class PrometheusLagExporter implements AutoCloseable {
    private static final String[] LABELS = {"group", "topic", "partition"};

    private final AtomicReference<List<PartitionLag>> latest = new AtomicReference<>(List.of());
    private volatile boolean up;
    private volatile double lastSuccessSeconds = Double.NaN;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final HTTPServer server;

    public PrometheusLagExporter(String host, int port) throws IOException {
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_lag_records")
                .help("Data records between the group's committed offset and the partition's last data record (commit markers at the end are not lag)")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> cb.call(l.lagRecords(), labels(l))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_consumer_lag_seconds")
                .help("Age of the oldest data record the group has not consumed (from its timestamp); 0 without lag")
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
                .help("The partition's end offset when sampled (commit markers included)")
                .labelNames(LABELS)
                .callback(cb -> latest.get().forEach(l -> cb.call(l.endOffset(), labels(l))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_lag_exporter_up")
                .help("1 when the last sampling round reached Kafka, 0 when it failed (then no lag series is served)")
                .callback(cb -> cb.call(up ? 1 : 0))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ticketstream_lag_exporter_last_success_timestamp_seconds")
                .help("Unix time of the last sampling round that reached Kafka (absent before the first)")
                .callback(cb -> {
                    if (!Double.isNaN(lastSuccessSeconds)) {
                        cb.call(lastSuccessSeconds);
                    }
                })
                .register(registry);
        this.server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    }

    /** A round that reached Kafka: its results replace the previous ones. */
    public void publish(List<PartitionLag> lags, long sampledAtMs) {
        latest.set(List.copyOf(lags));
        lastSuccessSeconds = sampledAtMs / 1000.0;
        up = true;
    }

    /** A round that failed: serve no lag numbers rather than old ones, and say so. */
    public void failed() {
        latest.set(List.of());
        up = false;
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
