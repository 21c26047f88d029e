package io.ticketstream.local.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.catalog.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of the pipeline, created before anything runs: the streams app refuses to start on missing source
 * topics, and Debezium would otherwise create the raw topics with its own settings. Existing topics are kept.
 */
public final class StackTopics {

    /** Raw CDC topics per source, in the order the status screen shows them. */
    public static final Map<String, List<String>> RAW_BY_SOURCE = Map.of(
            "sqlserver (simulated)", List.of("sqlserver.ticketing.dbo.orders", "sqlserver.ticketing.dbo.tickets",
                    "sqlserver.ticketing.dbo.payments"),
            "mongodb (simulated)", List.of("mongo.crm.customers"),
            "postgresql (real CDC)", List.of("aurora.catalog.attractions", "aurora.catalog.venues",
                    "aurora.catalog.performances"));

    public static final List<String> SOURCE_ORDER = List.of("sqlserver (simulated)", "mongodb (simulated)",
            "postgresql (real CDC)");

    public static final List<String> CANONICAL = List.of(CanonicalTopics.CUSTOMER, CanonicalTopics.CUSTOMER_CHANGE,
            CanonicalTopics.PERFORMANCE, CanonicalTopics.ORDER, CanonicalTopics.TICKET_SALE);

    public static final String DLQ = CanonicalTopics.STREAMS_DLQ;
    /** Dead letters of the local warehouse sinks (the local stack's own connectors). */
    public static final String CONNECT_DLQ = "ticketing.connect.local.dlq";
    /** Dead letters of the shipped Braze sinks (errors.deadletterqueue.topic.name in connectors/base/braze-*.json). */
    public static final String BRAZE_DLQ = "ticketing.braze.dlq";

    /**
     * Debezium's Kafka signal channel of aurora-catalog ({@code signal.kafka.topic}): Debezium does not create it and
     * warns on every poll while it is missing. One partition, as Debezium requires.
     */
    public static final String AURORA_SIGNALS = "aurora.signals";

    /** Same count everywhere: the order join needs orders, tickets and payments co-partitioned. */
    static final int PARTITIONS = 3;

    private StackTopics() {
    }

    public static List<String> raw() {
        List<String> all = new ArrayList<>();
        SOURCE_ORDER.forEach(source -> all.addAll(RAW_BY_SOURCE.get(source)));
        return all;
    }

    public static void createMissing(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : raw()) {
            if (!existing.contains(topic)) {
                // Never compacted (see TopicSettings.RAW), as Debezium's topic.creation in connectors/ makes them.
                missing.add(new NewTopic(topic, PARTITIONS, (short) 1).configs(TopicSettings.RAW));
            }
        }
        for (String topic : CANONICAL) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, PARTITIONS, (short) 1).configs(TopicSettings.canonical(topic)));
            }
        }
        for (String topic : List.of(DLQ, CONNECT_DLQ, BRAZE_DLQ, AURORA_SIGNALS)) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, 1, (short) 1).configs(TopicSettings.CANONICAL_LOG));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
    }
}
