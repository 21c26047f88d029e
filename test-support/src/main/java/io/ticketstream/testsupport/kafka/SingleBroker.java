package io.ticketstream.testsupport.kafka;

import java.util.Properties;

/**
 * Broker settings for a one-broker KRaft cluster (Kafka's {@code EmbeddedKafkaCluster}) that exactly-once
 * applications run against: Kafka's internal topics default to replication factor 3, which one broker cannot give,
 * so the transaction log and the offsets topic get 1; groups rebalance without the initial 3 s delay; topics are never
 * created by accident (the code under test must find the ones the platform provisions).
 */
public final class SingleBroker {

    private SingleBroker() {
    }

    public static Properties forExactlyOnce() {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("offsets.topic.replication.factor", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        broker.put("auto.create.topics.enable", "false");
        return broker;
    }
}
