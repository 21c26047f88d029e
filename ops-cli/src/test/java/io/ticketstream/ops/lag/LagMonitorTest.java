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

    /** A sample whose probe found the last data record at {@code dataEnd - 1} and the oldest unconsumed one written at {@code oldestTs}. */
    private static Snapshot probed(long t, long committed, long end, long dataEnd, long oldestTs) {
        return new Snapshot(t, Map.of(P0, new OffsetSample(t, committed, end, dataEnd, oldestTs)));
    }

    @Test
    void oneSampleAlreadyGivesSecondsFromTheOldestUnconsumedRecordsTimestamp() {
        LagMonitor monitor = new LagMonitor(5, new StatusEvaluator(Duration.ofMinutes(5)));
        PartitionLag first = monitor.update(probed(100_000, 40, 101, 100, 88_000)).get(0);
        assertEquals(60, first.lagRecords());
        assertEquals(12.0, first.lagSeconds().getAsDouble(), 1e-9);
        assertEquals(LagStatus.UNKNOWN, first.status(), "one look with lag cannot tell a stall from progress");
    }

    @Test
    void aConsumerAtTheLastDataRecordHasNoLagWhateverMarkersFollowIt() {
        LagMonitor monitor = new LagMonitor(5, new StatusEvaluator(Duration.ofMinutes(5)));
        // committed 100, end 101: offset 100 is a commit marker, the probe found no data record from 100 on
        PartitionLag lag = monitor.update(probed(10_000, 100, 101, 100, -1)).get(0);
        assertEquals(0, lag.lagRecords());
        assertEquals(0.0, lag.lagSeconds().getAsDouble());
        assertEquals(LagStatus.OK, lag.status());
        assertEquals(101, lag.endOffset(), "the end offset is still shown as Kafka reports it");
    }

    @Test
    void withoutAProbeEveryOffsetCountsAndSecondsAreUnknown() {
        LagMonitor monitor = new LagMonitor(5, new StatusEvaluator(Duration.ofMinutes(5)));
        PartitionLag lag = monitor.update(at(0, 0, 100)).get(0);
        assertEquals(100, lag.lagRecords());
        assertTrue(lag.lagSeconds().isEmpty());
    }

    @Test
    void aRecordStampedZeroHasNoAge() {
        // seen on the local stack: the streams app's internal topics hold progress reports stamped 0, and the group
        // showed 1,796,391,459 s of lag
        LagMonitor monitor = new LagMonitor(5, new StatusEvaluator(Duration.ofMinutes(5)));
        PartitionLag lag = monitor.update(probed(1_796_391_459_000L, 8_201, 8_205, 8_205, 0)).get(0);
        assertEquals(4, lag.lagRecords());
        assertTrue(lag.lagSeconds().isEmpty(), "an age since 1970: " + lag.lagSeconds());
    }

    @Test
    void windowSlidesSoAnOldZeroLagNoLongerMakesItOk() {
        LagMonitor monitor = new LagMonitor(3, new StatusEvaluator(Duration.ofMinutes(5)));
        monitor.update(at(0, 100, 100));
        monitor.update(at(10_000, 110, 150));
        assertEquals(LagStatus.OK, monitor.update(at(20_000, 120, 200)).get(0).status());
        assertEquals(LagStatus.WARN, monitor.update(at(30_000, 130, 250)).get(0).status());
    }

    @Test
    void partitionsThatDisappearAreForgotten() {
        LagMonitor monitor = new LagMonitor(3, new StatusEvaluator(Duration.ofMinutes(5)));
        monitor.update(at(0, 0, 100));
        assertEquals(List.of(), monitor.update(new Snapshot(10_000, Map.of())));
        assertEquals(1, monitor.update(at(20_000, 0, 200)).get(0).samples());
    }
}
