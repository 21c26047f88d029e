package io.ticketstream.ops.lag;

/** What was seen for one partition at one moment: the group's committed offset and the partition's end offset. */
public record OffsetSample(long timestampMs, long committedOffset, long endOffset) {

    /** Records not yet consumed; never negative (a commit can be ahead of a just-truncated end). */
    public long lag() {
        return Math.max(0, endOffset - committedOffset);
    }
}
