package io.ticketstream.ops.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LagEstimatorTest {

    @Test
    void firstSampleWithLagIsUnknownNotZero() {
        EndOffsetTable table = new EndOffsetTable(10);
        table.add(100, 1_000);
        assertTrue(LagEstimator.lagSeconds(table, 40, 1_000).isEmpty());
    }

    @Test
    void caughtUpIsZeroEvenOnTheFirstSample() {
        EndOffsetTable table = new EndOffsetTable(10);
        table.add(100, 1_000);
        assertEquals(0.0, LagEstimator.lagSeconds(table, 100, 5_000).getAsDouble());
    }

    @Test
    void interpolatesTheTimeTheCommittedOffsetWasTheEnd() {
        EndOffsetTable table = new EndOffsetTable(10);
        table.add(100, 10_000);
        table.add(200, 20_000);
        table.add(400, 30_000);
        // offset 300 lies half-way between (200, 20s) and (400, 30s): produced at 25s; now is 40s -> 15 s behind
        assertEquals(15.0, LagEstimator.lagSeconds(table, 300, 40_000).getAsDouble(), 1e-9);
        // exactly on a point
        assertEquals(20.0, LagEstimator.lagSeconds(table, 200, 40_000).getAsDouble(), 1e-9);
    }

    @Test
    void extrapolatesBelowTheOldestPointWithTheAverageRate() {
        EndOffsetTable table = new EndOffsetTable(10);
        table.add(100, 10_000);
        table.add(200, 20_000); // 100 ms per record
        // offset 50 is 50 records before (100, 10s): produced at 5s; now 20s -> 15 s
        assertEquals(15.0, LagEstimator.lagSeconds(table, 50, 20_000).getAsDouble(), 1e-9);
    }

    @Test
    void idlePartitionKeepsTheTimeTheEndOffsetWasFirstSeen() {
        EndOffsetTable table = new EndOffsetTable(10);
        table.add(100, 10_000);
        table.add(200, 20_000);
        table.add(200, 50_000); // no new records: must not move the time of offset 200 forward
        assertEquals(2, table.size());
        // committed 150 was the end at 15s; now 60s -> 45 s, not a smaller number hidden by the idle period
        assertEquals(45.0, LagEstimator.lagSeconds(table, 150, 60_000).getAsDouble(), 1e-9);
    }

    @Test
    void tableIsBoundedAndResetWhenTheEndGoesBackwards() {
        EndOffsetTable table = new EndOffsetTable(3);
        for (int i = 1; i <= 5; i++) {
            table.add(i * 10L, i * 1_000L);
        }
        assertEquals(3, table.size());
        assertEquals(30, table.points().get(0).offset());
        table.add(5, 6_000);
        assertEquals(1, table.size());
    }
}
