package io.ticketstream.streams.join.progress;

/** One partition of one raw CDC topic: the unit whose progress a waiting fact depends on. */
public record SourcePartition(String topic, int partition) {

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
