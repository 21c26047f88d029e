package io.ticketstream.streams.topology;

import io.ticketstream.streams.config.AppConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What start-up checks against the cluster before anything is processed, on a real broker. */
class StartupChecksOnBrokerTest {

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        Properties broker = new Properties();
        broker.put("offsets.topic.replication.factor", "1");
        broker.put("auto.create.topics.enable", "false");
        kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    private static AppConfig config(String prefix) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        AppConfig.RAW_TOPIC_DEFAULTS.forEach((mapping, topic) -> props.put(AppConfig.RAW_TOPIC_PREFIX + mapping, prefix + topic));
        return new AppConfig(props);
    }

    @Test
    void aMissingRawTopicStopsStartUpNamingIt() {
        AppConfig config = config("missing.");
        ConfigException error = assertThrows(ConfigException.class, () -> TicketstreamTopology.build(config));
        assertTrue(error.getMessage().contains("'missing.sqlserver.ticketing.dbo.orders' does not exist"), error.getMessage());
    }

    @Test
    void orderTopicsWithDifferentPartitionCountsStopStartUpNamingTheCounts() {
        AppConfig config = config("uneven.");
        config.rawTopics().values().forEach(topic -> kafka.createTopic(topic, topic.endsWith("tickets") ? 6 : 3));
        ConfigException error = assertThrows(ConfigException.class, () -> TicketstreamTopology.build(config));
        assertTrue(error.getMessage().contains("uneven.sqlserver.ticketing.dbo.tickets=6")
                && error.getMessage().contains("same number of partitions"), error.getMessage());
    }

    @Test
    void aCanonicalTopicThatWouldExpireReplayedOutputIsReported() {
        kafka.createTopic("check.create-time", 1, 1, Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));
        kafka.createTopic("check.log-append", 1, 1, Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
        kafka.createTopic("check.compacted", 1, 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = kafka.createAdminClient()) {
            List<String> warnings = CanonicalTopicCheck.warnAbout(admin,
                    List.of("check.create-time", "check.log-append", "check.compacted"), Duration.ofSeconds(30));
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("canonical topic check.create-time"), warnings.get(0));
        }
    }
}
