package io.ticketstream.streams.normalize.envelope;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Event time = database commit time ({@code source.ts_ms}), so stream time, grace periods and versioned
 * stores follow the source, not the Connect worker's clock. A record without a usable {@code source.ts_ms}
 * keeps its own timestamp (or the partition time) here: it is dead-lettered by the processor, and an
 * exception or a negative timestamp here would stop the task or drop the record silently.
 *
 * <p>A tombstone (null value after a delete) carries no commit time: it takes the partition time (the commit time
 * of the delete just before it) rather than its producer timestamp, which is the capture time and may be days
 * ahead of the commit times of a replay; Kafka Streams orders a task's partitions by these timestamps.
 */
public final class CommitTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() == null && partitionTime >= 0) {
            return partitionTime;
        }
        long commitTs = record.value() instanceof JsonNode node ? EnvelopeReader.commitTsOrNegative(node) : -1;
        if (commitTs >= 0) {
            return commitTs;
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
