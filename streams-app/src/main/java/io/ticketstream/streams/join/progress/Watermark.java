package io.ticketstream.streams.join.progress;

import java.util.List;

/**
 * A progress report broadcast by an upstream task to every partition of the topic a downstream join reads.
 * It travels behind the data the upstream task forwarded before it (same producer, same partition), so a
 * downstream task that reads it has already read everything it vouches for.
 *
 * @param emittedAt the upstream task's wall clock when it made the report (the idle claims are about that moment)
 */
public record Watermark(long emittedAt, List<PartitionProgress> partitions) {

    public Watermark {
        partitions = List.copyOf(partitions);
    }
}
