package io.ticketstream.streams.topology;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.normalize.MappingCatalog;
import io.ticketstream.streams.normalize.NormalizeStage;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.normalize.NormalizedRowSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole ticketstream topology: raw Debezium topics -> normalisation -> joins -> canonical topics.
 * Built here and only here, so the application's main, the tests and the benchmark run the same thing.
 */
public final class TicketstreamTopology {

    /** How long start-up waits for Kafka to describe the raw topics. */
    static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(30);

    private TicketstreamTopology() {
    }

    /**
     * What the application's main runs: reads the raw topics' partition counts from the cluster first.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the topic when a raw topic is missing or the
     *         order topics are not co-partitioned
     */
    public static Topology build(AppConfig config) {
        config.mappings(); // a broken mapping is reported before Kafka is asked anything
        return build(config, layoutOf(config));
    }

    /** The topology for a known layout (the TopologyTestDriver: {@link RawTopicLayout#onePartitionEach}). */
    public static Topology build(AppConfig config, RawTopicLayout layout) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, config, layout);
        return builder.build();
    }

    /** Adds exactly the production topology to {@code builder} (tests, benchmarks). */
    public static void build(StreamsBuilder builder, AppConfig config, RawTopicLayout layout) {
        build(builder, config.mappings(), config.rawTopics(), config.dlqTopic(), topicsOf(config), config.joinSettings(),
                layout);
    }

    /**
     * The raw topics' partition counts, read from the cluster {@code config} points at (and a warning for a canonical
     * topic whose settings would lose replayed output, see {@link CanonicalTopicCheck}).
     */
    public static RawTopicLayout layoutOf(AppConfig config) {
        Map<String, Object> admin = new StreamsConfig(config.streamsProperties()).getAdminConfigs("ticketstream-layout");
        try (Admin client = Admin.create(admin)) {
            RawTopicLayout layout = RawTopicLayout.describe(client, config.rawTopics().values(), DESCRIBE_TIMEOUT);
            CanonicalTopicCheck.warnAbout(client, List.of(config.customerTopic(), config.performanceTopic(),
                    config.orderTopic(), config.ticketSaleTopic(), config.customerChangeTopic(), config.dlqTopic()),
                    DESCRIBE_TIMEOUT);
            return layout;
        }
    }

    /** The canonical topics an {@link AppConfig} names. */
    public static JoinTopics topicsOf(AppConfig config) {
        return new JoinTopics(config.customerTopic(), config.customerChangeTopic(), config.performanceTopic(),
                config.orderTopic(), config.ticketSaleTopic());
    }

    /**
     * The topology from explicit parts.
     *
     * @param rawTopicByMapping mapping name (orders, tickets, payments, customers, attractions, venues,
     *                          performances) to its raw CDC topic
     */
    public static void build(StreamsBuilder builder, MappingCatalog mappings, Map<String, String> rawTopicByMapping,
                             String dlqTopic, JoinTopics canonicalTopics, JoinSettings settings, RawTopicLayout layout) {
        Map<String, KStream<String, NormalizedRow>> rows = new NormalizeStage(mappings, dlqTopic)
                .attach(builder, rawTopicByMapping);
        new JoinStage(new JoinSerdes(new NormalizedRowSerde()), canonicalTopics, settings, rawTopicByMapping, layout)
                .attach(rows);
    }
}
