package io.ticketstream.ops.lag;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One sampling round: every selected group's committed offsets with the partitions' end offsets, at one time. */
public record Snapshot(long timestampMs, SortedMap<PartitionKey, OffsetSample> partitions) {

    public Snapshot(long timestampMs, Map<PartitionKey, OffsetSample> partitions) {
        this(timestampMs, (SortedMap<PartitionKey, OffsetSample>) new TreeMap<>(partitions));
    }
}
