package io.ticketstream.it.ordering.world;

import java.util.List;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import java.nio.charset.StandardCharsets;

/**
 * The raw topics of the contract's input layout, named as the envelope builders name them (the connectors' naming with
 * the shipped topic prefixes): the seven change topics share one partition count; the transaction-metadata topics have
 * one partition (the connectors' {@code housekeeping} topic-creation group).
 */
public final class RawTopics {

    private static final SourceEnvelopes NAMING = new SourceEnvelopes();

    public static final String ORDERS = NAMING.sqlServer.topic("orders");
    public static final String TICKETS = NAMING.sqlServer.topic("tickets");
    public static final String PAYMENTS = NAMING.sqlServer.topic("payments");
    public static final String CUSTOMERS = NAMING.mongo.topic();
    public static final String ATTRACTIONS = NAMING.aurora.topic("attractions");
    public static final String VENUES = NAMING.aurora.topic("venues");
    public static final String PERFORMANCES = NAMING.aurora.topic("performances");
    public static final String SQLSERVER_TRANSACTIONS = NAMING.sqlServer.transactionTopic();
    public static final String AURORA_TRANSACTIONS = NAMING.aurora.transactionTopic();

    public static final List<String> CHANGE_TOPICS = List.of(ORDERS, TICKETS, PAYMENTS, CUSTOMERS, ATTRACTIONS, VENUES,
            PERFORMANCES);
    public static final List<String> TRANSACTION_TOPICS = List.of(SQLSERVER_TRANSACTIONS, AURORA_TRANSACTIONS);

    private RawTopics() {
    }

    public static int partitionCount(String topic, int changeTopicPartitions) {
        return TRANSACTION_TOPICS.contains(topic) ? 1 : changeTopicPartitions;
    }

    /**
     * The partition Kafka's default partitioner (Connect's producer uses it) gives a record key: murmur2 of the key's
     * bytes, the JSON text as the JsonConverter writes it.
     */
    public static int partitionOf(String topic, String key, int changeTopicPartitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8),
                partitionCount(topic, changeTopicPartitions));
    }
}
