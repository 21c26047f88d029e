package io.ticketstream.it.ordering.world;

import java.util.List;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import java.nio.charset.StandardCharsets;

/**
 * The raw topics of the contract's input layout, with the shipped connectors' topic prefixes: the seven change
 * topics share one partition count; the transaction-metadata topics have one partition (the connectors'
 * {@code housekeeping} topic-creation group).
 */
public final class RawTopics {

    public static final String ORDERS = "sqlserver.ticketing.dbo.orders";
    public static final String TICKETS = "sqlserver.ticketing.dbo.tickets";
    public static final String PAYMENTS = "sqlserver.ticketing.dbo.payments";
    public static final String CUSTOMERS = "mongo.crm.customers";
    public static final String ATTRACTIONS = "aurora.catalog.attractions";
    public static final String VENUES = "aurora.catalog.venues";
    public static final String PERFORMANCES = "aurora.catalog.performances";
    public static final String SQLSERVER_TRANSACTIONS = "sqlserver.transaction";
    public static final String AURORA_TRANSACTIONS = "aurora.transaction";

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
