package io.ticketstream.ops.lag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bounded, time-ordered table of (end offset, time first seen) points for one partition: the lookup table from
 * which the time a given offset was produced is interpolated (kafka-lag-exporter's method).
 * A point is added only when the end offset grows: while a partition is idle, the time its current end offset
 * was first seen is the right answer for "when was this offset the end", a later time would hide lag.
 */
public final class EndOffsetTable {

    public record Point(long offset, long timestampMs) {
    }

    private final int capacity;
    private final Deque<Point> points = new ArrayDeque<>();

    public EndOffsetTable(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 to interpolate, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(long endOffset, long timestampMs) {
        Point last = points.peekLast();
        if (last != null && endOffset < last.offset()) {
            points.clear(); // end went backwards: topic re-created or truncated, history no longer describes it
        } else if (last != null && endOffset == last.offset()) {
            return;
        }
        points.addLast(new Point(endOffset, timestampMs));
        while (points.size() > capacity) {
            points.removeFirst();
        }
    }

    public List<Point> points() {
        return new ArrayList<>(points);
    }

    public int size() {
        return points.size();
    }
}
