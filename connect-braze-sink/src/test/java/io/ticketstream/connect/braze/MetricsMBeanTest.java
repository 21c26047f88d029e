package io.ticketstream.connect.braze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;

class MetricsMBeanTest {

    @Test
    void taskMetricsAreReadableOverJmxUnderTheConnectorAndTaskName() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = BrazeSinkTaskMetrics.objectName("braze-sink", "3");
        try (BrazeSinkTaskMetrics metrics = new BrazeSinkTaskMetrics()) {
            metrics.register("braze-sink", "3");
            metrics.trackRequest(10, 60, 5);
            metrics.trackRequest(1, 0, 0);
            metrics.response(201, 40);
            metrics.response(429, 10);
            metrics.response(503, 30);
            assertEquals(2L, server.getAttribute(name, "TrackRequests"));
            assertEquals(60L, server.getAttribute(name, "EventObjects"));
            assertEquals(38.0, (Double) server.getAttribute(name, "ObjectsPerTrackRequestAvg"), 0.001);
            assertEquals(1L, server.getAttribute(name, "Responses429"));
            assertEquals(1L, server.getAttribute(name, "Responses5xx"));
            assertEquals(40L, server.getAttribute(name, "RequestLatencyMaxMs"));
        }
        assertFalse(server.isRegistered(name), "unregistered on close");
    }
}
