package io.ticketstream.bench.braze;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.test.TestUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.braze.simulator.AcceptedObject;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.FaultPlan;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.testsupport.braze.BrazeSinkTraffic;
import io.ticketstream.testsupport.connect.ForkedConnectWorker;
import io.ticketstream.testsupport.connect.PluginPath;

/**
 * Figures 1 and 2 of issue 12, re-measured: the Braze sink as a user runs it (a distributed Connect worker in a JVM
 * of its own, the assembled plugins on plugin.path, connectors submitted over REST) against the Braze simulator (a
 * local stand-in for Braze, not Braze) with a strict limit of 20 requests per clock-aligned 1 s window. One row per
 * case of the table, each measured once: quota used (full windows), 429s, objects per request ÷ 75, lost,
 * duplicates, and the worker's CPU per 1,000 objects. Reported, not asserted.
 *
 * <p>Run: see benchmarks/README.md ("Braze sink: quota and duplicates"). Args: [objects per row = 30000]
 * [only the rows whose name contains this text].
 */
public final class BrazeQuotaBenchmark {

    private static final String KEY = "bench-key";
    private static final int LIMIT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKafkaCluster kafka;
    private final Path plugins;
    private final Path workDir = Path.of("target", "braze-quota-bench");
    private final int objects;
    private int rowNumber;

    private BrazeQuotaBenchmark(EmbeddedKafkaCluster kafka, Path plugins, int objects) {
        this.kafka = kafka;
        this.plugins = plugins;
        this.objects = objects;
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, new Properties());
        kafka.start();
        try {
            BrazeQuotaBenchmark bench = new BrazeQuotaBenchmark(kafka, PluginPath.assembledWith("connect-braze-sink"),
                    objects);
            System.out.printf("Braze sink quota and duplicates (simulator stand-in, %d requests per 1 s window, "
                    + "%,d objects a row, forked ConnectDistributed worker)%n", LIMIT, objects);
            System.out.println("| run | quota used (full windows) | after start-up (window 4 on) | 429s (max in a window) "
                    + "| objects/request ÷ 75 | lost | duplicates | worker CPU ms per 1,000 objects |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<Row> rows = List.of(
                    new Row("1 task", 4, List.of(new Conn(1, 1.0, 4)), FaultPlan.none(), null, false),
                    new Row("2 tasks", 4, List.of(new Conn(2, 1.0, 4)), FaultPlan.none(), null, false),
                    new Row("2 tasks, one task's partitions drained early", 4, List.of(new Conn(2, 1.0, 4)),
                            FaultPlan.none(), null, false).skewed(),
                    new Row("4 tasks, 3 partitions (a task without partition)", 3, List.of(new Conn(4, 1.0, 3)),
                            FaultPlan.none(), null, false),
                    new Row("two connectors (2 + 1 tasks)", 4, List.of(new Conn(2, 1.0, 4), new Conn(1, 1.0, 1)),
                            FaultPlan.none(), null, false),
                    new Row("2 tasks, share 0.5 (uses half by design)", 4, List.of(new Conn(2, 0.5, 4)),
                            FaultPlan.none(), null, false),
                    new Row("2 tasks, 10% 503 (half applied) + 50 ms latency", 4, List.of(new Conn(2, 1.0, 4)),
                            FaultPlan.builder().seed(7).serverErrorProbability(0.10).serverErrorCodes(503)
                                    .appliedBeforeFailureProbability(0.5).latency(Duration.ofMillis(50), Duration.ZERO)
                                    .build(), null, false),
                    new Row("2 tasks, limit cut from 20 to 5 mid-run", 4, List.of(new Conn(2, 1.0, 4)),
                            FaultPlan.none(), sim -> sim.setRateLimit(5), false),
                    new Row("2 tasks, worker killed -9 mid-run, restarted", 4, List.of(new Conn(2, 1.0, 4)),
                            FaultPlan.none(), null, true));
            String only = args.length > 1 ? args[1] : null; // run only the rows whose name contains this
            for (Row row : rows) {
                if (only == null || row.name().contains(only)) {
                    bench.run(row);
                } else {
                    bench.rowNumber++;
                }
            }
        } finally {
            kafka.stop();
        }
    }

    /** One connector of a row: tasks, share, partitions of its topic. */
    private record Conn(int tasks, double share, int partitions) {
    }

    private record Row(String name, int partitions, List<Conn> connectors, FaultPlan faults,
                       Consumer<BrazeSimulator> midRun, boolean kill, boolean skew) {
        Row(String name, int partitions, List<Conn> connectors, FaultPlan faults, Consumer<BrazeSimulator> midRun,
            boolean kill) {
            this(name, partitions, connectors, faults, midRun, kill, false);
        }

        Row skewed() {
            return new Row(name, partitions, connectors, faults, midRun, kill, true);
        }
    }

    private void run(Row row) throws Exception {
        int n = ++rowNumber;
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(KEY))
                .rateLimit(LIMIT, Duration.ofSeconds(1)).maxObjectsPerRequest(75).faults(row.faults()).build()) {
            sim.start();
            // split the objects over the connectors by their task counts; seq numbers are unique over the row
            int totalTasks = row.connectors().stream().mapToInt(Conn::tasks).sum();
            int seq = 0;
            List<String> topics = new ArrayList<>();
            for (int c = 0; c < row.connectors().size(); c++) {
                Conn conn = row.connectors().get(c);
                String topic = "bench-" + n + "-" + c;
                kafka.createTopic(topic, conn.partitions());
                awaitLeaders(kafka, topic);
                int count = c == row.connectors().size() - 1 ? objects - seq : objects * conn.tasks() / totalTasks;
                produce(topic, conn.partitions(), seq, count, row.skew());
                seq += count;
                topics.add(topic);
            }
            String group = "bench-workers-" + n;
            ForkedConnectWorker worker = ForkedConnectWorker.start(kafka.bootstrapServers(), group, plugins, workDir,
                    "row-" + n, Map.of("offset.flush.interval.ms", "60000"));
            long cpuBefore = worker.cpuTime().toMillis();
            long cpuKilled = 0;
            try {
                for (int c = 0; c < topics.size(); c++) {
                    Conn conn = row.connectors().get(c);
                    worker.putConnector("braze-" + n + "-" + c, JSON.writeValueAsString(config(sim, topics.get(c), conn)));
                }
                if (row.midRun() != null) {
                    TestUtils.waitForCondition(() -> sim.acceptedCount() >= objects / 2, 600_000, 500, () -> "half");
                    row.midRun().accept(sim);
                }
                int inFlightAtKill = -1;
                if (row.kill()) {
                    TestUtils.waitForCondition(() -> sim.acceptedCount() >= objects / 3, 600_000, 200, () -> "a third");
                    inFlightAtKill = sim.inFlightRequests();
                    cpuKilled = worker.cpuTime().toMillis() - cpuBefore;
                    worker.kill();
                    worker = ForkedConnectWorker.start(kafka.bootstrapServers(), group, plugins, workDir,
                            "row-" + n + "-restarted", Map.of("offset.flush.interval.ms", "60000"));
                    cpuBefore = worker.cpuTime().toMillis();
                }
                TestUtils.waitForCondition(() -> sim.acceptedCount() >= objects && seqs(sim).size() >= objects,
                        1_800_000, 1_000, () -> row.name() + ": all delivered (" + seqs(sim).size() + ")");
                TestUtils.waitForCondition(() -> sim.inFlightRequests() == 0, 60_000, "simulator quiet");
                long cpu = cpuKilled + worker.cpuTime().toMillis() - cpuBefore;
                report(row, sim, cpu, inFlightAtKill);
            } finally {
                worker.close();
            }
        }
    }

    private void report(Row row, BrazeSimulator sim, long cpuMillis, int inFlightAtKill) {
        SimulatorStats stats = sim.stats();
        Map<Long, Long> seqs = seqs(sim);
        long duplicates = seqs.values().stream().mapToLong(c -> c - 1).sum();
        long lost = objects - seqs.size();
        double use = row.midRun() == null ? stats.fullWindowUse(BrazeSimulator.USERS_TRACK, LIMIT) : Double.NaN;
        int tasks = row.connectors().stream().mapToInt(Conn::tasks).sum();
        String dup = row.kill() ? String.format("%,d (in flight at the kill: %d requests; bound %d tasks × 4 × 75 = %,d)",
                duplicates, inFlightAtKill, tasks, tasks * 300) : String.format("%,d (applied then failed: %d)",
                duplicates, stats.appliedThenFailed());
        // the same measure without the first three windows with traffic (worker, consumer and HTTP client warming up)
        List<Long> perWindow = new ArrayList<>(stats.requestsPerWindow(BrazeSimulator.USERS_TRACK).values());
        double steady = Double.NaN;
        if (row.midRun() == null && perWindow.size() > 6) {
            List<Long> middle = perWindow.subList(3, perWindow.size() - 2);
            steady = middle.stream().mapToLong(Long::longValue).sum() / (double) (middle.size() * LIMIT);
        }
        System.out.printf("| %s | %s | %s | %d (%d) | %.3f | %d | %s | %.1f |%n", row.name(),
                Double.isNaN(use) ? "n/a (limit changed)" : String.format("%.3f", use),
                Double.isNaN(steady) ? "n/a" : String.format("%.3f", steady), stats.tooManyRequestsTotal(),
                stats.maxTooManyRequestsInAWindow(BrazeSimulator.USERS_TRACK), stats.averageObjectsPerRequest() / 75,
                lost, dup, cpuMillis * 1000.0 / objects);
        System.out.println("  requests per window: " + stats.requestsPerWindow(BrazeSimulator.USERS_TRACK).values()
                .stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    private Map<String, String> config(BrazeSimulator sim, String topic, Conn conn) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.ticketstream.connect.braze.BrazeSinkConnector");
        config.put("tasks.max", Integer.toString(conn.tasks()));
        config.put("topics", topic);
        config.put("braze.rest.url", sim.baseUri().toString());
        config.put("braze.allow.insecure.http", "true");
        config.put("braze.api.key", KEY);
        config.put("braze.quota.requests.per.window", Integer.toString(LIMIT));
        config.put("braze.quota.window.ms", "1000");
        config.put("braze.quota.share", Double.toString(conn.share()));
        config.put("braze.retry.backoff.initial.ms", "50");
        config.put("braze.retry.backoff.max.ms", "1000");
        return config;
    }

    /** Records for 5,000 users to partition {@code seq % partitions}, or, skewed, 19 in 20 to the first half. */
    private void produce(String topic, int partitions, int from, int count, boolean skew) throws Exception {
        BrazeSinkTraffic.produce(kafka, topic, from, count, 5_000,
                seq -> skew && partitions >= 2 && seq % 20 != 0 ? seq % (partitions / 2) : seq % partitions);
    }

    /** Producing into a partition whose leader is not elected yet sent the idempotent producer into a retry loop. */
    private static void awaitLeaders(EmbeddedKafkaCluster kafka, String topic) throws InterruptedException {
        TestUtils.waitForCondition(() -> kafka.describeTopics(topic).get(topic).map(d -> d.partitions().stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())).orElse(false), 60_000, "leaders of " + topic);
    }

    private static Map<Long, Long> seqs(BrazeSimulator sim) {
        List<AcceptedObject> accepted = new ArrayList<>(sim.acceptedEvents());
        accepted.addAll(sim.acceptedPurchases());
        return accepted.stream().map(o -> o.json().path("properties").path("seq")).filter(JsonNode::isNumber)
                .collect(Collectors.groupingBy(JsonNode::asLong, TreeMap::new, Collectors.counting()));
    }
}
