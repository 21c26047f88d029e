package io.ticketstream.ops.lag;

import java.util.OptionalDouble;

/**
 * The verdict for one group on one partition after a sampling round. {@code endOffset} is the partition's end as
 * {@code kafka-consumer-groups} shows it; {@code dataEndOffset} the offset after its last data record, what lag is
 * measured to.
 */
public record PartitionLag(PartitionKey key, long committedOffset, long endOffset, long dataEndOffset, long lagRecords,
                           OptionalDouble lagSeconds, LagStatus status, int samples) {
}
