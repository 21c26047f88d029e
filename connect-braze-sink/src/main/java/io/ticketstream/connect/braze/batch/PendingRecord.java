package io.ticketstream.connect.braze.batch;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import io.ticketstream.connect.braze.record.BrazeObject;

/** A record accepted by put() and not yet delivered or reported: the unit of offset tracking. */
public record PendingRecord(SinkRecord record, TopicPartition partition, long offset, BrazeObject object,
                            long enqueuedAtMillis) {

    /** Topic/partition/offset only: safe to log (no personal data). */
    public String coordinates() {
        return partition + "@" + offset;
    }
}
