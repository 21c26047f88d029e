package io.ticketstream.streams.join.progress;

/**
 * What the task that processes {@code source} reports about it.
 *
 * @param progress the newest commit time it has processed from that partition ({@link Long#MIN_VALUE} if none).
 *                 A Debezium task writes each partition in commit order, so every row committed BEFORE
 *                 {@code progress} has been processed (rows of the same commit may still follow).
 * @param idle     it processed nothing from the partition for {@code completeness.idle.ms}: caught up with
 *                 everything that had reached Kafka at the time of the report
 */
public record PartitionProgress(SourcePartition source, long progress, boolean idle) {
}
