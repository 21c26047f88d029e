package io.ticketstream.bench.streams;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.topology.TicketstreamTopology;
import io.ticketstream.testsupport.kafka.SingleBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Throughput of the full ticketstream topology against a pass-through topology (raw in, raw out), both
 * with exactly_once_v2 and the same Streams/client settings, on one in-process KRaft broker, over the same
 * pre-loaded raw CDC topics. Reported, not asserted. Commands and measured numbers: benchmarks/README.md.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/classes:$(cat benchmarks/target/bench.cp) \
 *     io.ticketstream.bench.streams.StreamsThroughputBenchmark --events 1000000 --partitions 4
 * </pre>
 *
 * Options: {@code --events N} (default 1,000,000), {@code --partitions N} (default 4), {@code --only
 * passthrough|full}, {@code --set key=value,...} (extra Streams/client settings, applied to BOTH applications),
 * {@code --keep-state true} (keep the state directories for inspection).
 *
 * Each run starts its KafkaStreams on the loaded topics and ends when the application's consumer group has
 * committed the end of every raw topic and of every internal repartition/subscription topic (nothing left
 * in flight). The time includes start-up and the first rebalance, the same for both topologies.
 */
public final class StreamsThroughputBenchmark {

    private static boolean keepState;

    private StreamsThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "1000000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "4"));
        String only = options.getOrDefault("only", "both");
        Map<String, String> extra = Options.settings(options.getOrDefault("set", ""));
        keepState = Boolean.parseBoolean(options.getOrDefault("keep-state", "false"));

        Properties brokerProps = SingleBroker.forExactlyOnce();
        brokerProps.put("log.retention.ms", "-1");
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, brokerProps);
        kafka.start();
        try (Admin admin = kafka.createAdminClient()) {
            CdcEventGenerator.RAW_TOPICS.values().forEach(t -> kafka.createTopic(t, partitions));
            CdcEventGenerator.RAW_TOPICS.values().forEach(t -> kafka.createTopic(t + ".passthrough", partitions));
            for (String canonical : List.of("ticketing.customer.v1", "ticketing.customer-change.v1", "ticketing.performance.v1",
                    "ticketing.order.v1", "ticketing.ticket-sale.v1")) {
                kafka.createTopic(canonical, partitions);
            }
            kafka.createTopic("ticketing.streams.dlq", 1);

            long loadStart = System.nanoTime();
            int produced = load(kafka.bootstrapServers(), events);
            System.out.printf("loaded %,d raw CDC events into %d topics x %d partitions in %.1f s%n", produced,
                    CdcEventGenerator.RAW_TOPICS.size(), partitions, seconds(loadStart));

            double passThrough = Double.NaN;
            double full = Double.NaN;
            if (!only.equals("full")) {
                passThrough = run("bench-passthrough", passThroughTopology(),
                        config("bench-passthrough", kafka.bootstrapServers(), extra), admin, produced);
            }
            if (!only.equals("passthrough")) {
                AppConfig config = config("bench-full", kafka.bootstrapServers(), extra);
                full = run("bench-full", TicketstreamTopology.build(config), config, admin, produced);
            }
            System.out.printf("%nRESULT events=%d partitions=%d pass-through=%.0f rec/s full=%.0f rec/s ratio=%.1f%% settings=%s%n",
                    produced, partitions, passThrough, full, 100.0 * full / passThrough, extra);
        } finally {
            kafka.stop();
        }
    }

    private static int load(String bootstrap, int events) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Commit times end just before now: Kafka 4 rejects record timestamps more than an hour ahead.
        CdcEventGenerator generator = new CdcEventGenerator(42, System.currentTimeMillis() - events - 60_000L);
        int count = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (CdcEventGenerator.Event e : generator.snapshot()) {
                producer.send(new ProducerRecord<>(e.topic(), null, e.commitTs(), e.key(), e.value()));
                count++;
            }
            while (count < events) {
                CdcEventGenerator.Event e = generator.next();
                producer.send(new ProducerRecord<>(e.topic(), null, e.commitTs(), e.key(), e.value()));
                count++;
            }
            producer.flush();
        }
        return count;
    }

    private static Topology passThroughTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        CdcEventGenerator.RAW_TOPICS.values().forEach(topic -> builder
                .stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .to(topic + ".passthrough", Produced.with(Serdes.String(), Serdes.String())));
        return builder.build();
    }

    /**
     * Both applications take their Streams settings from the same place, the production {@link AppConfig}
     * (its Streams defaults, DLQ handlers, RocksDB bounds) plus the benchmark's own keys and the {@code --set}
     * overrides, so the ratio compares topologies, not client settings.
     */
    private static AppConfig config(String appId, String bootstrap, Map<String, String> extra) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-" + appId).toString());
        settings.putAll(extra);
        return new AppConfig(settings);
    }

    private static double run(String appId, Topology topology, AppConfig config, Admin admin, int events) throws Exception {
        RunProfile profile = RunProfile.start(appId);
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties())) {
            streams.start();
            long lastReport = System.nanoTime();
            while (!drained(admin, appId)) {
                Thread.sleep(500); // polling a progress condition, not waiting for a guess
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.out.printf("  %s: %.0f s, state %s, %s%n", appId, seconds(start), streams.state(),
                            RunProfile.progress(streams));
                    lastReport = System.nanoTime();
                }
                if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException(appId + " stopped in state " + streams.state());
                }
            }
            double secs = seconds(start);
            double rate = events / secs;
            System.out.printf("%s: %,d raw events in %.1f s = %.0f records/s%n", appId, events, secs, rate);
            System.out.print(profile.report(streams, events, secs));
            System.out.print(writtenPerTopic(admin, appId, events));
            return rate;
        } finally {
            if (!keepState) {
                deleteRecursively(Path.of(config.originals().get(StreamsConfig.STATE_DIR_CONFIG).toString()));
            }
        }
    }

    /**
     * Records (offsets, transaction markers included) in every topic the application writes: its internal topics
     * and, for the full topology, the canonical ones. Where the broker work per input event comes from.
     */
    private static String writtenPerTopic(Admin admin, String appId, int events) throws Exception {
        Set<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(appId + "-") || t.startsWith("ticketing.") || t.endsWith(".passthrough"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
            description.partitions().forEach(p -> wanted.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        admin.listOffsets(wanted).all().get().forEach((tp, info) -> perTopic.merge(tp.topic(), info.offset(), Long::sum));
        StringBuilder out = new StringBuilder("  " + appId + " offsets written per topic (records + transaction markers):\n");
        perTopic.forEach((topic, count) -> {
            if (count > 0) {
                out.append(String.format("    %-80s %,12d  %.2f per input event%n", topic, count, (double) count / events));
            }
        });
        return out.toString();
    }

    /** State directories hold hundreds of MB after a 1M-event run; kept only with {@code --keep-state true}. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Offsets an internal topic may lag behind its end and still count as drained: the joins' progress reports
     * (watermark.interval.ms) keep arriving after the data is done, so the exact end is rarely committed.
     */
    private static final long PROGRESS_REPORT_SLACK = 64;

    /** True when the group committed the end of every raw topic and (but for progress reports) of every internal topic it reads. */
    private static boolean drained(Admin admin, String appId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                .partitionsToOffsetAndMetadata().get();
        Set<String> internal = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(appId + "-") && !t.endsWith("-changelog")).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        for (String topic : CdcEventGenerator.RAW_TOPICS.values()) {
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        for (String topic : internal) {
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> wanted.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        var ends = admin.listOffsets(wanted).all().get();
        for (var entry : ends.entrySet()) {
            long end = entry.getValue().offset();
            if (end == 0) {
                continue;
            }
            OffsetAndMetadata done = committed.get(entry.getKey());
            boolean raw = CdcEventGenerator.RAW_TOPICS.containsValue(entry.getKey().topic());
            // Internal topics are written transactionally: their last offset is a commit marker.
            if (done == null || done.offset() < (raw ? end : end - 1 - PROGRESS_REPORT_SLACK)) {
                return false;
            }
        }
        return true;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** {@code --name value} pairs. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return options;
        }

        /** {@code key=value,key=value} (Streams or client keys, e.g. {@code producer.linger.ms=5}). */
        static Map<String, String> settings(String spec) {
            Map<String, String> settings = new TreeMap<>();
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set expects key=value pairs, got '" + pair + "'");
                }
                settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return settings;
        }
    }
}
