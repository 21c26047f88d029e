package io.ticketstream.bench.streams;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the time of one benchmark run went, so a slow run can be explained and not only timed: the CPU
 * seconds the JVM's threads used during the run, grouped (this application's stream threads, its clients'
 * network threads, everything else: the in-process broker and the harness), and Kafka Streams' own thread
 * and producer metrics (how much of the stream thread's wall time went to processing, polling and
 * committing; how long transactions took to commit).
 *
 * <p>Native threads the JVM's thread API does not list (RocksDB's flush/compaction threads, GC, JIT) are read
 * from Linux's {@code /proc/self/task} (on-CPU and run-queue wait time per thread), so the whole process is
 * accounted for; elsewhere that part is left out. Both topologies of a run are profiled the same way. Threads
 * that ended during the run are not counted.
 */
final class RunProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String appId;
    private final Map<Long, Long> cpuAtStart = new HashMap<>();
    private final long processCpuAtStart;
    private final Map<String, long[]> schedAtStart;

    private RunProfile(String appId) {
        this.appId = appId;
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                cpuAtStart.put(id, cpu);
            }
        }
        this.processCpuAtStart = processCpuNanos();
        this.schedAtStart = schedStats();
    }

    static RunProfile start(String appId) {
        return new RunProfile(appId);
    }

    /** One progress line: the stream thread's time split, from Kafka Streams' thread metrics. */
    static String progress(KafkaStreams streams) {
        Map<String, Double> m = metrics(streams);
        return String.format("process %.0f%% poll %.0f%% commit %.0f%% punctuate %.0f%%, commit avg %.0f ms",
                100 * m.getOrDefault("stream-thread-metrics:process-ratio", 0.0),
                100 * m.getOrDefault("stream-thread-metrics:poll-ratio", 0.0),
                100 * m.getOrDefault("stream-thread-metrics:commit-ratio", 0.0),
                100 * m.getOrDefault("stream-thread-metrics:punctuate-ratio", 0.0),
                m.getOrDefault("stream-thread-metrics:commit-latency-avg", 0.0));
    }

    /** The report printed when a run ends (before KafkaStreams is closed, while its metrics still exist). */
    String report(KafkaStreams streams, int events, double seconds) {
        Map<String, Long> cpuByGroup = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long now = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            cpuByGroup.merge(group(info.getThreadName()), now - cpuAtStart.getOrDefault(id, 0L), Long::sum);
        }
        double processCpu = (processCpuNanos() - processCpuAtStart) / 1e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %s CPU: process %.1f s (%.0f us/event, %.2f cores busy on average)", appId, processCpu,
                processCpu * 1e6 / events, processCpu / seconds));
        cpuByGroup.forEach((group, nanos) -> out.append(String.format("; %s %.1f s", group, nanos / 1e9)));
        out.append(System.lineSeparator());
        Map<String, long[]> sched = schedStats();
        if (!sched.isEmpty()) {
            Map<String, long[]> byKind = new TreeMap<>();
            long[] busiestOfApp = {0, 0};
            for (Map.Entry<String, long[]> e : sched.entrySet()) {
                long[] before = schedAtStart.getOrDefault(e.getKey(), new long[] {0, 0});
                long[] delta = {e.getValue()[0] - before[0], e.getValue()[1] - before[1]};
                String comm = e.getKey().substring(e.getKey().indexOf(' ') + 1);
                byKind.merge(nativeKind(comm), delta, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                if (isThreadOfApp(comm) && delta[0] > busiestOfApp[0]) {
                    busiestOfApp = delta;
                }
            }
            out.append("  ").append(appId).append(" threads by kind (on CPU / waiting for a CPU):");
            byKind.forEach((kind, t) -> out.append(String.format(" %s %.1f/%.1f s;", kind, t[0] / 1e9, t[1] / 1e9)));
            out.append(String.format(" stream thread %.1f s on CPU, %.1f s runnable but waiting for a CPU (%.0f%% of the run)%n",
                    busiestOfApp[0] / 1e9, busiestOfApp[1] / 1e9, 100 * busiestOfApp[1] / 1e9 / seconds));
        }

        Map<String, Double> m = metrics(streams);
        double commits = m.getOrDefault("stream-thread-metrics:commit-total", 0.0);
        out.append(String.format("  %s stream thread: %.0f commits (%.1f ms avg, %.1f ms max); producer: txn commit %.1f s, "
                        + "send offsets %.1f s, flush %.1f s, blocked on buffer %.1f s; records sent %.0f%n", appId, commits,
                m.getOrDefault("stream-thread-metrics:commit-latency-avg", 0.0),
                m.getOrDefault("stream-thread-metrics:commit-latency-max", 0.0),
                m.getOrDefault("producer-metrics:txn-commit-time-ns-total", 0.0) / 1e9,
                m.getOrDefault("producer-metrics:txn-send-offsets-time-ns-total", 0.0) / 1e9,
                m.getOrDefault("producer-metrics:flush-time-ns-total", 0.0) / 1e9,
                m.getOrDefault("producer-metrics:bufferpool-wait-time-ns-total", 0.0) / 1e9,
                m.getOrDefault("producer-metrics:record-send-total", 0.0)));
        return out.toString();
    }

    private String group(String threadName) {
        if (!threadName.contains(appId + "-")) {
            return "broker+harness";
        }
        if (threadName.contains("network-thread")) {
            return "streams client I/O";
        }
        return threadName.contains("StreamThread") ? "stream threads" : "streams other";
    }

    /** Metrics summed over threads/clients, keyed {@code group:name}; one stream thread per run here. */
    private static Map<String, Double> metrics(KafkaStreams streams) {
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (!name.group().equals("stream-thread-metrics") && !name.group().equals("producer-metrics")) {
                continue;
            }
            if (e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                out.merge(name.group() + ":" + name.name(), n.doubleValue(), Double::sum);
            }
        }
        return out;
    }

    /** Linux keeps 15 characters of a thread name; the stream thread is the busiest thread named after the app. */
    private boolean isThreadOfApp(String comm) {
        String prefix = appId + "-";
        return comm.startsWith(prefix) || (comm.length() >= 15 && prefix.startsWith(comm));
    }

    private static String nativeKind(String comm) {
        if (comm.startsWith("rocksdb")) {
            return "rocksdb";
        }
        if (comm.startsWith("GC") || comm.startsWith("G1")) {
            return "gc";
        }
        if (comm.startsWith("C1") || comm.startsWith("C2")) {
            return "jit";
        }
        return "java";
    }

    /** {@code "<tid> <name>"} to {on-CPU ns, run-queue wait ns}, from /proc/self/task; empty where there is none. */
    private static Map<String, long[]> schedStats() {
        Map<String, long[]> out = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String[] sched = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    out.put(task.getFileName() + " " + comm, new long[] {Long.parseLong(sched[0]), Long.parseLong(sched[1])});
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read it
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
