package io.ticketstream.connect.braze.metrics;

import java.util.function.DoubleSupplier;

import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.braze.contract.BrazeType;

/**
 * One task's delivery metrics as Kafka sensors: windowed rates and averages (Kafka's {@code Rate}, {@code Avg},
 * {@code Max} over the worker's {@code metrics.sample.window.ms} samples) plus running totals, registered through
 * Connect's plugin metrics (KIP-877) so they are reported with the worker's own. Names are listed in the README
 * ("Metrics"); requests count every attempt, retries included.
 */
public final class BrazeSinkTaskMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrazeSinkTaskMetrics.class);

    private final MetricsRegistry registry;
    private final Sensor trackRequests;
    private final Sensor trackObjects;
    private final Sensor attributeObjects;
    private final Sensor eventObjects;
    private final Sensor purchaseObjects;
    private final Sensor subscriptionRequests;
    private final Sensor deleteRequests;
    private final Sensor deletedUsers;
    private final Sensor responses2xx;
    private final Sensor responses4xx;
    private final Sensor responses429;
    private final Sensor responses5xx;
    private final Sensor transportErrors;
    private final Sensor retries;
    private final Sensor latency;
    private final Sensor pacerWait;
    private final Sensor reported;
    private final Sensor badRecords;

    /** Metrics in the worker's registry when it offers plugin metrics (Kafka 4.1+), else in a private one. */
    public static BrazeSinkTaskMetrics forTask(SinkTaskContext context, String connector, String task) {
        MetricsRegistry registry;
        try {
            // guarded as SinkTaskContext.pluginMetrics()'s javadoc shows: absent on workers older than 4.1
            registry = new ConnectPluginMetrics(context.pluginMetrics(), "braze-sink." + connector + "." + task + ".");
        } catch (NoSuchMethodError | NoClassDefFoundError | UnsupportedOperationException e) {
            log.info("This worker has no plugin metrics (Kafka Connect 4.1+): the Braze sink's metrics are not reported");
            registry = new PrivateMetrics(connector, task);
        }
        return new BrazeSinkTaskMetrics(registry);
    }

    /** A private registry (tests, benchmarks). */
    public static BrazeSinkTaskMetrics detached() {
        return new BrazeSinkTaskMetrics(new PrivateMetrics("detached", "0"));
    }

    private BrazeSinkTaskMetrics(MetricsRegistry registry) {
        this.registry = registry;
        trackRequests = counted("track-request", "/users/track requests (attempts)");
        trackObjects = registry.sensor("track-objects");
        trackObjects.add(registry.name("objects-per-request-avg", "Objects per /users/track request"), new Avg());
        trackObjects.add(registry.name("objects-per-request-max", "Most objects in one /users/track request"), new Max());
        attributeObjects = summed("attribute-object", "Attribute objects sent");
        eventObjects = summed("event-object", "Event objects sent");
        purchaseObjects = summed("purchase-object", "Purchase objects sent");
        subscriptionRequests = counted("subscription-request", "/v2/subscription/status/set requests (attempts)");
        deleteRequests = counted("delete-request", "/users/delete requests (attempts)");
        deletedUsers = summed("deleted-user", "Users sent for deletion (tombstones)");
        responses2xx = counted("response-2xx", "2xx answers");
        responses4xx = counted("response-4xx", "4xx answers other than 429");
        responses429 = counted("response-429", "429 answers (rate limited)");
        responses5xx = counted("response-5xx", "5xx answers");
        transportErrors = counted("transport-error", "Requests with no answer (timeout, reset, refused)");
        retries = counted("retry", "Requests sent again after a 5xx or no answer");
        latency = registry.sensor("request-latency");
        latency.add(registry.name("request-latency-avg", "Time to an answer, ms"), new Avg());
        latency.add(registry.name("request-latency-max", "Longest time to an answer, ms"), new Max());
        pacerWait = registry.sensor("pacer-wait");
        pacerWait.add(registry.name("pacer-wait-time-rate", "Milliseconds per second the senders waited for the "
                + "workspace rate limit (all senders together)"), new Rate());
        reported = counted("reported-record", "Records Braze rejected, reported (dead-letter queue, log or skipped)");
        badRecords = counted("bad-record", "Records that fit no Braze shape, reported before sending");
    }

    /** A sensor with a windowed per-second rate ({@code <name>-rate}) and a running total ({@code <name>-total}). */
    private Sensor counted(String name, String description) {
        Sensor sensor = registry.sensor(name);
        sensor.add(registry.name(name + "-rate", description + ", per second"), new Rate(new WindowedCount()));
        sensor.add(registry.name(name + "-total", description + ", in all"), new CumulativeCount());
        return sensor;
    }

    /** Like {@link #counted} for recorded amounts (objects) rather than occurrences. */
    private Sensor summed(String name, String description) {
        Sensor sensor = registry.sensor(name);
        sensor.add(registry.name(name + "-rate", description + ", per second"), new Rate());
        sensor.add(registry.name(name + "-total", description + ", in all"), new CumulativeSum());
        return sensor;
    }

    /** Values read when the metrics are: the buffer, the pacer's view of the workspace, merged updates. */
    public void gauges(DoubleSupplier mergedUpdates, DoubleSupplier buffered, DoubleSupplier workspaceRemaining,
                       DoubleSupplier othersRate) {
        gauge("merged-attribute-updates-total", "Attribute updates merged into another object of the same user "
                + "(a data point not billed twice)", mergedUpdates);
        gauge("buffered-records", "Records put() accepted that wait for a request", buffered);
        gauge("workspace-remaining", "This task's estimate of the requests the workspace has left in the current "
                + "/users/track window (X-RateLimit-Remaining)", workspaceRemaining);
        gauge("others-request-rate", "Requests per second the rest of the workspace sends to /users/track, as this "
                + "task observes it", othersRate);
    }

    private void gauge(String name, String description, DoubleSupplier value) {
        registry.gauge(registry.name(name, description), (Gauge<Double>) (config, now) -> value.getAsDouble());
    }

    public void trackRequest(int attributes, int events, int purchases) {
        trackRequests.record();
        trackObjects.record(attributes + events + purchases);
        attributeObjects.record(attributes);
        eventObjects.record(events);
        purchaseObjects.record(purchases);
    }

    public void subscriptionRequest(int changes) {
        subscriptionRequests.record();
    }

    public void deleteRequest(int users) {
        deleteRequests.record();
        deletedUsers.record(users);
    }

    public void response(int status, long latencyMs) {
        if (status == 429) {
            responses429.record();
        } else if (status >= 500) {
            responses5xx.record();
        } else if (status >= 400) {
            responses4xx.record();
        } else if (status >= 200 && status < 300) {
            responses2xx.record();
        }
        latency.record(latencyMs);
    }

    public void transportError(long latencyMs) {
        transportErrors.record();
        latency.record(latencyMs);
    }

    public void retry() {
        retries.record();
    }

    public void throttled(long ms) {
        pacerWait.record(ms);
    }

    public void reported(BrazeType type) {
        reported.record();
    }

    public void badRecord() {
        badRecords.record();
    }

    /** For tests and benchmarks with a private registry: a metric's current value, or null. */
    public Object value(String name) {
        return registry instanceof PrivateMetrics p ? p.value(name) : null;
    }

    @Override
    public void close() {
        registry.close();
    }
}
