package io.ticketstream.ops.lag;

import java.util.OptionalDouble;

/**
 * What was seen for one partition at one moment: the group's committed offset, the partition's end offset, the
 * offset after its last data record ({@code dataEndOffset}: below {@code endOffset} when the log ends in commit
 * markers), and the timestamp of the oldest data record the group has not consumed yet.
 */
public record OffsetSample(long timestampMs, long committedOffset, long endOffset, long dataEndOffset,
                           long oldestUnconsumedTimestampMs) {

    /** A sample without a probe of the records: every offset up to the end counts as a record. */
    public OffsetSample(long timestampMs, long committedOffset, long endOffset) {
        this(timestampMs, committedOffset, endOffset, endOffset, DataRecordProbe.DataRange.NO_TIMESTAMP);
    }

    /**
     * Records the group can still receive: from its committed offset to the offset after the last data record.
     * Control records at the end are not lag; markers between data records are counted (telling them apart would
     * mean reading every record). Never negative (a commit can be ahead of a just-truncated end).
     */
    public long lag() {
        return Math.max(0, dataEndOffset - committedOffset);
    }

    /**
     * How old the oldest unconsumed data record is, from its timestamp (the producer's time, or the broker's with
     * LogAppendTime): 0 with no lag, empty when there is lag but the record gives no time: none could be read, or it
     * is stamped 0, which a Kafka Streams app gives records that carry no event time (ticketstream's progress reports
     * and catalogue rows on its internal topics, so that they are processed first): an age since 1970 would page.
     */
    public OptionalDouble lagSeconds() {
        if (lag() == 0) {
            return OptionalDouble.of(0.0);
        }
        if (oldestUnconsumedTimestampMs <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, timestampMs - oldestUnconsumedTimestampMs) / 1000.0);
    }
}
