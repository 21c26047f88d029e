package io.ticketstream.ops.lag;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Lag in seconds: how long ago the partition's end offset was where the group's committed offset is now.
 * The time is interpolated linearly between the two table points around the committed offset; below the oldest
 * point it is extrapolated with the table's average production rate. With one point (the first sample) and lag
 * above zero there is nothing to interpolate from, and the answer is honestly "unknown".
 */
public final class LagEstimator {

    private LagEstimator() {
    }

    public static OptionalDouble lagSeconds(EndOffsetTable table, long committedOffset, long nowMs) {
        List<EndOffsetTable.Point> points = table.points();
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        EndOffsetTable.Point newest = points.get(points.size() - 1);
        if (committedOffset >= newest.offset()) {
            return OptionalDouble.of(0.0);
        }
        if (points.size() < 2) {
            return OptionalDouble.empty();
        }
        EndOffsetTable.Point oldest = points.get(0);
        double producedAtMs;
        if (committedOffset < oldest.offset()) {
            double msPerRecord = (double) (newest.timestampMs() - oldest.timestampMs()) / (newest.offset() - oldest.offset());
            producedAtMs = oldest.timestampMs() - (oldest.offset() - committedOffset) * msPerRecord;
        } else {
            producedAtMs = interpolate(points, committedOffset);
        }
        return OptionalDouble.of(Math.max(0.0, (nowMs - producedAtMs) / 1000.0));
    }

    private static double interpolate(List<EndOffsetTable.Point> points, long offset) {
        for (int i = 0; i < points.size() - 1; i++) {
            EndOffsetTable.Point a = points.get(i);
            EndOffsetTable.Point b = points.get(i + 1);
            if (offset >= a.offset() && offset < b.offset()) {
                double fraction = (double) (offset - a.offset()) / (b.offset() - a.offset());
                return a.timestampMs() + fraction * (b.timestampMs() - a.timestampMs());
            }
        }
        throw new IllegalStateException("offset " + offset + " outside the table " + points);
    }
}
