package io.ticketstream.ops.lag;

import java.util.Comparator;

/** One consumer group's position on one topic partition: the unit lag is measured for. */
public record PartitionKey(String group, String topic, int partition) implements Comparable<PartitionKey> {
    private static final Comparator<PartitionKey> ORDER = Comparator.comparing(PartitionKey::group)
            .thenComparing(PartitionKey::topic).thenComparingInt(PartitionKey::partition);

    @Override
    public int compareTo(PartitionKey other) {
        return ORDER.compare(this, other);
    }
}
