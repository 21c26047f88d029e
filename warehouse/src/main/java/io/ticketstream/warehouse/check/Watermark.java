package io.ticketstream.warehouse.check;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Per topic partition, the highest offset the presentation layer was built from ({@code presentation.load_watermark}):
 * the topic side of a reconciliation reads exactly up to it, so landing lag is never reported as a mismatch.
 */
public record Watermark(Map<TopicPartition, Long> maxOffsets) {

    public Watermark {
        maxOffsets = Map.copyOf(maxOffsets);
    }

    /** The highest landed offset of the partition, or -1 when nothing of it has landed. */
    public long maxOffset(TopicPartition partition) {
        return maxOffsets.getOrDefault(partition, -1L);
    }
}
