package io.ticketstream.bench.streams;

import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.streams.normalize.MappingCatalog;
import io.ticketstream.streams.normalize.NormalizeStage;
import io.ticketstream.streams.topology.RawTopicLayout;
import io.ticketstream.streams.topology.TicketstreamTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Per-record CPU cost without a broker: a TopologyTestDriver timing loop (single thread, no network, no
 * transactions) over the same generated CDC mix, for three topologies: a pass-through that only reads the
 * raw record (the driver's own cost), normalisation only, and the full topology. Reported, not asserted.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/classes:$(cat benchmarks/target/bench.cp) \
 *     io.ticketstream.bench.streams.NormalizationCostBenchmark --events 200000
 * </pre>
 */
public final class NormalizationCostBenchmark {

    private NormalizationCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = StreamsThroughputBenchmark.Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "200000"));
        CdcEventGenerator generator = new CdcEventGenerator(7, 1_790_000_000_000L);
        List<CdcEventGenerator.Event> snapshot = generator.snapshot();
        List<CdcEventGenerator.Event> changes = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            changes.add(generator.next());
        }
        AppConfig config = new AppConfig(Map.of());

        // Warm-up rounds let the JIT compile the hot paths before the measured round.
        for (int round = 0; round < 2; round++) {
            boolean measured = round == 1;
            double baseline = time("pass-through (driver cost)", passThrough(), snapshot, changes, measured);
            double normalize = time("normalisation only", normalizeOnly(config), snapshot, changes, measured);
            double full = time("full topology", TicketstreamTopology.build(config,
                    RawTopicLayout.onePartitionEach(config.rawTopics().values())), snapshot, changes, measured);
            if (measured) {
                System.out.printf("%nRESULT events=%d normalisation=%.2f us/record (%.2f us above the driver's own %.2f) "
                        + "full=%.2f us/record%n", events, normalize, normalize - baseline, baseline, full);
            }
        }
    }

    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        CdcEventGenerator.RAW_TOPICS.values().forEach(topic -> builder
                .stream(topic, Consumed.with(Serdes.String(), Serdes.String())).foreach((k, v) -> { }));
        return builder.build();
    }

    private static Topology normalizeOnly(AppConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        new NormalizeStage(MappingCatalog.loadDefault(), config.dlqTopic())
                .attach(builder, config.rawTopics())
                .values().forEach(rows -> rows.foreach((k, v) -> { }));
        return builder.build();
    }

    private static double time(String name, Topology topology, List<CdcEventGenerator.Event> snapshot,
                               List<CdcEventGenerator.Event> changes, boolean report) throws Exception {
        Properties props = new AppConfig(Map.of()).streamsProperties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Path stateDir = Files.createTempDirectory("bench-ttd");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
            CdcEventGenerator.RAW_TOPICS.values().forEach(t -> inputs.put(t,
                    driver.createInputTopic(t, new StringSerializer(), new StringSerializer())));
            for (CdcEventGenerator.Event e : snapshot) {
                inputs.get(e.topic()).pipeInput(e.key(), e.value(), e.commitTs());
            }
            long start = System.nanoTime();
            for (CdcEventGenerator.Event e : changes) {
                inputs.get(e.topic()).pipeInput(e.key(), e.value(), e.commitTs());
            }
            double micros = (System.nanoTime() - start) / 1e3 / changes.size();
            if (report) {
                System.out.printf("%-28s %8.2f us/record (%,.0f records/s on one thread)%n", name, micros, 1e6 / micros);
            }
            return micros;
        } finally {
            StreamsThroughputBenchmark.deleteRecursively(stateDir);
        }
    }
}
