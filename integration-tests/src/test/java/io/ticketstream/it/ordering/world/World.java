package io.ticketstream.it.ordering.world;

import java.util.List;
import java.util.Map;

/**
 * A generated, consistent world: every record the three Debezium connectors write, in the order they write them
 * ({@link Delivery#emittedAt()}, so per partition in commit order), plus what was put in it on purpose.
 *
 * @param features how many of each planned case the world holds (order kinds, redeliveries, late dimensions...)
 */
public record World(long seed, int partitions, long baseTs, WorldShape shape, List<Delivery> deliveries, QuietTail quietTail,
                    Map<String, Integer> features) {

    public long lastEmittedAt() {
        return deliveries.get(deliveries.size() - 1).emittedAt();
    }

    public long firstEmittedAt() {
        return deliveries.get(0).emittedAt();
    }

    /** Deliveries to the seven change topics (not the transaction-metadata markers). */
    public long changeRecordCount() {
        return deliveries.stream().filter(d -> RawTopics.CHANGE_TOPICS.contains(d.topic())).count();
    }
}
