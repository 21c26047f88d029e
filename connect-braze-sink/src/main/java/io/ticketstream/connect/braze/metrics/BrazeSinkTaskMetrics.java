package io.ticketstream.connect.braze.metrics;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.connect.braze.record.BrazeType;

/**
 * Counters of one task, registered as {@code ticketstream.braze:type=sink-task-metrics,connector=…,task=…}.
 * Plain MBean rather than Kafka Metrics: a plugin cannot reach the worker's metrics registry, and this needs no
 * reporter configuration to show in JConsole or a JMX exporter.
 */
public final class BrazeSinkTaskMetrics implements BrazeSinkTaskMetricsMBean, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrazeSinkTaskMetrics.class);

    private final LongAdder trackRequests = new LongAdder();
    private final LongAdder subscriptionRequests = new LongAdder();
    private final LongAdder attributes = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder purchases = new LongAdder();
    private final LongAdder subscriptions = new LongAdder();
    private final LongAdder trackObjects = new LongAdder();
    private final LongAdder r2xx = new LongAdder();
    private final LongAdder r4xx = new LongAdder();
    private final LongAdder r429 = new LongAdder();
    private final LongAdder r5xx = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttledMs = new LongAdder();
    private final LongAdder latencyTotalMs = new LongAdder();
    private final LongAdder latencyCount = new LongAdder();
    private final AtomicLong latencyMaxMs = new AtomicLong();
    private final LongAdder reported = new LongAdder();
    private final LongAdder badRecords = new LongAdder();
    private volatile LongSupplier mergedUpdates = () -> 0;
    private volatile IntSupplier buffered = () -> 0;
    private ObjectName registeredAs;

    public static ObjectName objectName(String connector, String task) throws JMException {
        return new ObjectName("ticketstream.braze:type=sink-task-metrics,connector=" + ObjectName.quote(connector)
                + ",task=" + task);
    }

    /** Registers with the platform MBean server; a failure only logs (metrics must not stop delivery). */
    public void register(String connector, String task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = objectName(connector, task);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            registeredAs = name;
        } catch (JMException e) {
            log.warn("Could not register Braze sink metrics MBean for connector {} task {}", connector, task, e);
        }
    }

    @Override
    public void close() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException e) {
                log.debug("MBean {} already gone", registeredAs, e);
            }
            registeredAs = null;
        }
    }

    public void gauges(LongSupplier mergedUpdates, IntSupplier buffered) {
        this.mergedUpdates = mergedUpdates;
        this.buffered = buffered;
    }

    public void trackRequest(int attributeObjects, int eventObjects, int purchaseObjects) {
        trackRequests.increment();
        attributes.add(attributeObjects);
        events.add(eventObjects);
        purchases.add(purchaseObjects);
        trackObjects.add(attributeObjects + eventObjects + purchaseObjects);
    }

    public void subscriptionRequest(int changes) {
        subscriptionRequests.increment();
        subscriptions.add(changes);
    }

    public void response(int status, long latencyMs) {
        if (status == 429) {
            r429.increment();
        } else if (status >= 500) {
            r5xx.increment();
        } else if (status >= 400) {
            r4xx.increment();
        } else if (status >= 200 && status < 300) {
            r2xx.increment();
        }
        latency(latencyMs);
    }

    public void transportError(long latencyMs) {
        transportErrors.increment();
        latency(latencyMs);
    }

    private void latency(long ms) {
        latencyTotalMs.add(ms);
        latencyCount.increment();
        latencyMaxMs.accumulateAndGet(ms, Math::max);
    }

    public void retry() {
        retries.increment();
    }

    public void throttled(long ms) {
        throttledMs.add(ms);
    }

    public void reported(BrazeType type) {
        reported.increment();
    }

    public void badRecord() {
        badRecords.increment();
    }

    @Override public long getTrackRequests() { return trackRequests.sum(); }
    @Override public long getSubscriptionRequests() { return subscriptionRequests.sum(); }
    @Override public long getAttributeObjects() { return attributes.sum(); }
    @Override public long getEventObjects() { return events.sum(); }
    @Override public long getPurchaseObjects() { return purchases.sum(); }
    @Override public long getSubscriptionChanges() { return subscriptions.sum(); }
    @Override public long getMergedAttributeUpdates() { return mergedUpdates.getAsLong(); }
    @Override public long getResponses2xx() { return r2xx.sum(); }
    @Override public long getResponses4xx() { return r4xx.sum(); }
    @Override public long getResponses429() { return r429.sum(); }
    @Override public long getResponses5xx() { return r5xx.sum(); }
    @Override public long getTransportErrors() { return transportErrors.sum(); }
    @Override public long getRetries() { return retries.sum(); }
    @Override public long getThrottledTimeMs() { return throttledMs.sum(); }

    @Override
    public double getObjectsPerTrackRequestAvg() {
        long requests = trackRequests.sum();
        return requests == 0 ? 0 : (double) trackObjects.sum() / requests;
    }

    @Override
    public double getRequestLatencyAvgMs() {
        long count = latencyCount.sum();
        return count == 0 ? 0 : (double) latencyTotalMs.sum() / count;
    }

    @Override public long getRequestLatencyMaxMs() { return latencyMaxMs.get(); }
    @Override public long getReportedRecords() { return reported.sum(); }
    @Override public long getBadRecords() { return badRecords.sum(); }
    @Override public int getBufferedRecords() { return buffered.getAsInt(); }
}
