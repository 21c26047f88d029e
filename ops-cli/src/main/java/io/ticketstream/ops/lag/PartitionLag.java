package io.ticketstream.ops.lag;

import java.util.OptionalDouble;

/** The verdict for one group on one partition after a sampling round. */
public record PartitionLag(PartitionKey key, long committedOffset, long endOffset, long lagRecords,
                           OptionalDouble lagSeconds, LagStatus status, int samples) {
}
