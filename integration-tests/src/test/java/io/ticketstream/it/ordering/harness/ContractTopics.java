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
import io.ticketstream.schemas.catalog.TopicSettings;

/**
 * Creates the topics with the settings the project ships ({@link TopicSettings}, which the local stack uses and
 * {@code docker/kafka/create-topics.sh} is checked against): raw change topics never compacted (tickets and payments
 * share their order's key), canonical entity topics compacted, facts and the dead-letter topic deleted, every
 * canonical topic stamped when written, so that facts carrying old commit times are not removed by retention. The
 * seven change topics get the run's partition count (the canonical ones too); Debezium's transaction topics one
 * partition, as the connectors' {@code housekeeping} topic-creation group makes them.
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
            topics.add(new NewTopic(raw, partitions, (short) 1).configs(TopicSettings.RAW));
        }
        for (String markers : RawTopics.TRANSACTION_TOPICS) {
            topics.add(new NewTopic(markers, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));
        }
        List<String> canonical = new ArrayList<>(ENTITY_TOPICS);
        canonical.addAll(FACT_TOPICS);
        for (String topic : canonical) {
            topics.add(new NewTopic(topic, partitions, (short) 1).configs(TopicSettings.canonical(topic)));
        }
        topics.add(new NewTopic(CanonicalTopics.STREAMS_DLQ, 1, (short) 1).configs(TopicSettings.canonical(CanonicalTopics.STREAMS_DLQ)));
        admin.createTopics(topics).all().get();
    }
}
