package io.ticketstream.it.ordering.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.ticketstream.it.ordering.world.RawTopics;
import io.ticketstream.schemas.catalog.CanonicalTopics;

/**
 * Creates the topics the way the issue-10 contract says the platform provisions them: raw change topics with one
 * partition count and {@code cleanup.policy=delete} (never compacted: tickets and payments share their order's key);
 * Debezium's transaction topics with one partition; canonical entity topics compacted, facts and the dead-letter
 * topic deleted, and every canonical topic with {@code message.timestamp.type=LogAppendTime} so that facts stamped
 * with old commit times are not removed by retention.
 */
public final class ContractTopics {

    public static final List<String> ENTITY_TOPICS = List.of(CanonicalTopics.CUSTOMER, CanonicalTopics.PERFORMANCE,
            CanonicalTopics.ORDER);
    public static final List<String> FACT_TOPICS = List.of(CanonicalTopics.TICKET_SALE, CanonicalTopics.CUSTOMER_CHANGE);

    private ContractTopics() {
    }

    public static void create(Admin admin, int partitions) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String raw : RawTopics.CHANGE_TOPICS) {
            topics.add(topic(raw, partitions, TopicConfig.CLEANUP_POLICY_DELETE, false));
        }
        for (String markers : RawTopics.TRANSACTION_TOPICS) {
            topics.add(topic(markers, 1, TopicConfig.CLEANUP_POLICY_DELETE, false));
        }
        for (String entity : ENTITY_TOPICS) {
            topics.add(topic(entity, partitions, TopicConfig.CLEANUP_POLICY_COMPACT, true));
        }
        for (String fact : FACT_TOPICS) {
            topics.add(topic(fact, partitions, TopicConfig.CLEANUP_POLICY_DELETE, true));
        }
        topics.add(topic(CanonicalTopics.STREAMS_DLQ, 1, TopicConfig.CLEANUP_POLICY_DELETE, true));
        admin.createTopics(topics).all().get();
    }

    private static NewTopic topic(String name, int partitions, String cleanupPolicy, boolean logAppendTime) {
        return new NewTopic(name, partitions, (short) 1).configs(logAppendTime
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
    }
}
