package io.ticketstream.schemas.catalog;

import org.apache.kafka.common.config.TopicConfig;

import java.util.Map;
import java.util.Set;

/**
 * The topic settings the pipeline relies on, in one place: the local stack and the tests create topics with
 * them, and {@code docker/kafka/create-topics.sh} is checked against them.
 */
public final class TopicSettings {

    /**
     * Raw CDC topics: never compacted, kept for ever. Tickets and payments are keyed by order_id (so that an order's
     * rows share a partition), so compaction would keep one row per order; and a rebuild of the streams app from the
     * raw topics needs every change, not the last one (a PAID row compacted away under its REFUNDED row is a sale
     * and its reversal lost). Set a finite retention only together with a re-snapshot plan.
     */
    public static final Map<String, String> RAW = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1");

    /**
     * Canonical entity topics (Customer, Performance, Order): compacted state. Records are stamped by the broker
     * when written ({@code LogAppendTime}): the commit time is in the payload, and a replay of old CDC must not
     * produce records that time-based retention considers expired.
     */
    public static final Map<String, String> CANONICAL_ENTITY = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    /**
     * Canonical facts and deltas (TicketSale, CustomerChange) and the dead-letter topics: append-only; retention
     * counts from when ticketstream wrote them ({@code LogAppendTime}), never from the source's commit time, so
     * replaying 13-day-old CDC does not hand the broker 13-day-old records to delete at once.
     */
    public static final Map<String, String> CANONICAL_LOG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    private static final Set<String> ENTITIES = Set.of(CanonicalTopics.CUSTOMER, CanonicalTopics.PERFORMANCE,
            CanonicalTopics.ORDER);

    private TopicSettings() {
    }

    /** The settings of a canonical topic or dead-letter topic, by name. */
    public static Map<String, String> canonical(String topic) {
        return ENTITIES.contains(topic) ? CANONICAL_ENTITY : CANONICAL_LOG;
    }
}
