package io.ticketstream.ops.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagMonitorTest {
    private static final PartitionKey P0 = new PartitionKey("connect-braze", "ticketing.customer-change.v1", 0);

    private static Snapshot at(long t, long committed, long end) {
        return new Snapshot(t, Map.of(P0, new OffsetSample(t, committed, end)));
    }

    @Test
    void secondsAreUnknownOnTheFirstRoundAndEstimatedFromTheSecond() {
        LagMonitor monitor = new LagMonitor(5, 60, new StatusEvaluator(Duration.ofMinutes(5)));
        PartitionLag first = monitor.update(at(0, 0, 100)).get(0);
        assertTrue(first.lagSeconds().isEmpty());
        assertEquals(LagStatus.UNKNOWN, first.status());
        PartitionLag second = monitor.update(at(10_000, 100, 200)).get(0);
        // committed 100 was the end at t=0; now t=10s
        assertEquals(10.0, second.lagSeconds().getAsDouble(), 1e-9);
        assertEquals(100, second.lagRecords());
        assertEquals(2, second.samples());
    }

    @Test
    void windowSlidesSoAnOldZeroLagNoLongerMakesItOk() {
        LagMonitor monitor = new LagMonitor(3, 60, new StatusEvaluator(Duration.ofMinutes(5)));
        monitor.update(at(0, 100, 100));
        monitor.update(at(10_000, 110, 150));
        assertEquals(LagStatus.OK, monitor.update(at(20_000, 120, 200)).get(0).status());
        assertEquals(LagStatus.WARN, monitor.update(at(30_000, 130, 250)).get(0).status());
    }

    @Test
    void partitionsThatDisappearAreForgotten() {
        LagMonitor monitor = new LagMonitor(3, 60, new StatusEvaluator(Duration.ofMinutes(5)));
        monitor.update(at(0, 0, 100));
        assertEquals(List.of(), monitor.update(new Snapshot(10_000, Map.of())));
        assertTrue(monitor.update(at(20_000, 0, 200)).get(0).lagSeconds().isEmpty());
    }
}
