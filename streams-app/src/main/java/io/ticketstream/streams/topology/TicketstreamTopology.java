package io.ticketstream.streams.topology;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.normalize.MappingCatalog;
import io.ticketstream.streams.normalize.NormalizeStage;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.normalize.NormalizedRowSerde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

import java.time.Duration;
import java.util.Map;

/**
 * The whole ticketstream topology: raw Debezium topics -> normalisation -> joins -> canonical topics.
 * Built here and only here, so the application's main, the tests and the benchmark run the same thing.
 */
public final class TicketstreamTopology {

    private TicketstreamTopology() {
    }

    /** What the application's main runs. */
    public static Topology build(AppConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, config);
        return builder.build();
    }

    /** Adds exactly the production topology to {@code builder} (tests, benchmarks). */
    public static void build(StreamsBuilder builder, AppConfig config) {
        build(builder, config.mappings(), config.rawTopics(), config.dlqTopic(), topicsOf(config), config.saleGrace());
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
                             String dlqTopic, JoinTopics canonicalTopics, Duration saleGrace) {
        Map<String, KStream<String, NormalizedRow>> rows = new NormalizeStage(mappings, dlqTopic)
                .attach(builder, rawTopicByMapping);
        new JoinStage(new JoinSerdes(new NormalizedRowSerde()), canonicalTopics, saleGrace).attach(rows);
    }
}
