package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.kafka.BootstrapCheck;
import io.ticketstream.ops.kafka.KafkaUnreachableException;
import io.ticketstream.ops.lag.DataRecordProbe;
import io.ticketstream.ops.lag.GroupSelector;
import io.ticketstream.ops.lag.LagMonitor;
import io.ticketstream.ops.lag.OffsetSampler;
import io.ticketstream.ops.lag.PartitionLag;
import io.ticketstream.ops.lag.Snapshot;
import io.ticketstream.ops.lag.StatusEvaluator;
import io.ticketstream.ops.lag.render.LagJsonRenderer;
import io.ticketstream.ops.lag.render.LagTableRenderer;
import io.ticketstream.ops.lag.render.PrometheusLagExporter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Consumer lag of the streams app and every sink connector: records, seconds, and a Burrow-style status. */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = "Consumer lag per group/topic/partition: committed, end, lag in records and seconds, status.")
public final class LagCommand implements Callable<Integer> {

    @Mixin KafkaOptions kafka;

    @Option(names = "--group", paramLabel = "REGEX", description = "Watch the groups matching this regex instead of the default set.")
    Pattern groupRegex;

    /** The streams app's own default application.id (streams-app AppConfig), which the local stack and compose use too. */
    public static final String DEFAULT_STREAMS_GROUP = "ticketstream";

    @Option(names = "--streams-group", paramLabel = "ID", split = ",",
            defaultValue = "${env:TICKETSTREAM_STREAMS_APP_ID:-" + DEFAULT_STREAMS_GROUP + "}",
            description = "The streams app's application.id(s), watched with every connect-* group and every running Kafka "
                    + "Streams app (default ${DEFAULT-VALUE}, the app's own default).")
    Set<String> streamsGroups;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = {"-w", "--watch"}, description = "Refresh every --interval until interrupted.")
    boolean watch;

    @Option(names = "--prometheus", paramLabel = "PORT", description = "Serve /metrics on this port and keep sampling.")
    Integer prometheusPort;

    @Option(names = "--prometheus-host", defaultValue = "0.0.0.0", description = "Address to bind /metrics to (default ${DEFAULT-VALUE}).")
    String prometheusHost;

    @Option(names = "--interval", defaultValue = "10s", converter = DurationConverter.class,
            description = "Time between samples (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--samples", defaultValue = "1",
            description = "One-shot mode: take this many samples --interval apart before printing (2+ gives lag in seconds).")
    int samples;

    @Option(names = "--rounds", defaultValue = "0", description = "--watch/--prometheus: stop after this many rounds (0 = never).")
    int rounds;

    @Option(names = "--window", defaultValue = "10", description = "Samples in the status window (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--stop-after", defaultValue = "5m", converter = DurationConverter.class,
            description = "No commit for this long while records arrive = STOP (default ${DEFAULT-VALUE}).")
    Duration stopAfter;

    @Option(names = "--isolation", defaultValue = "read_committed",
            description = "How the watched consumers read: read_committed (default: the sinks and the exactly-once streams app; "
                    + "end = last stable offset, aborted records are not lag) or read_uncommitted (end = high watermark).")
    String isolation;


    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LagMonitor monitor = new LagMonitor(window, new StatusEvaluator(stopAfter));
        IsolationLevel level = IsolationLevel.valueOf(isolation.toUpperCase(Locale.ROOT));
        if (prometheusPort == null) {
            kafka.requireReachable(); // one-shot and --watch: say why at once, not after the timeout
        }
        try (Admin admin = kafka.admin("ticketstream-ops-lag");
             DataRecordProbe probe = new DataRecordProbe(kafka.clientProperties(), level, kafka.timeout())) {
            OffsetSampler sampler = new OffsetSampler(admin, new GroupSelector(streamsGroups, groupRegex), level,
                    Clock.systemUTC(), kafka.timeout(), probe);
            if (prometheusPort != null) {
                return serve(sampler, monitor, out);
            }
            if (watch) {
                for (int round = 1; rounds == 0 || round <= rounds; round++) {
                    List<PartitionLag> lags = monitor.update(sample(sampler));
                    if (output == OutputFormat.table) {
                        out.println("# " + Instant.now() + "  (every " + interval.toSeconds() + "s, Ctrl-C to stop)");
                    }
                    print(out, lags);
                    pauseUnlessLast(round);
                }
                return ExitCodes.OK;
            }
            List<PartitionLag> lags = List.of();
            for (int i = 1; i <= Math.max(1, samples); i++) {
                lags = monitor.update(sample(sampler));
                if (i < samples) {
                    Thread.sleep(interval.toMillis()); // sampling cadence, not waiting for a condition
                }
            }
            print(out, lags);
            return ExitCodes.OK;
        }
    }

    private Snapshot sample(OffsetSampler sampler) throws InterruptedException {
        try {
            return sampler.sample();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnreachableException(BootstrapCheck.explain(e, kafka.bootstrapServers(), kafka.timeout()), e);
        }
    }

    private int serve(OffsetSampler sampler, LagMonitor monitor, PrintWriter out) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (PrometheusLagExporter exporter = new PrometheusLagExporter(prometheusHost, prometheusPort)) {
            out.println("serving http://" + prometheusHost + ":" + exporter.port() + "/metrics, sampling every " + interval.toSeconds() + "s");
            out.flush();
            for (int round = 1; rounds == 0 || round <= rounds; round++) {
                try {
                    Snapshot snapshot = sampler.sample();
                    List<PartitionLag> lags = monitor.update(snapshot);
                    exporter.publish(lags, snapshot.timestampMs());
                    out.println(Instant.now() + " sampled " + lags.size() + " partition(s)");
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    // an exporter outlives broker outages: serve no stale numbers, up=0, say why, try again next round
                    exporter.failed();
                    err.println(Instant.now() + " sampling failed: " + BootstrapCheck.explain(e, kafka.bootstrapServers(), kafka.timeout()));
                    err.flush();
                }
                out.flush();
                pauseUnlessLast(round);
            }
        }
        return ExitCodes.OK;
    }

    private void pauseUnlessLast(int round) throws InterruptedException {
        if (rounds == 0 || round < rounds) {
            Thread.sleep(interval.toMillis()); // sampling cadence, not waiting for a condition
        }
    }

    private void print(PrintWriter out, List<PartitionLag> lags) {
        out.print(output == OutputFormat.json ? new LagJsonRenderer().render(lags) + "\n" : new LagTableRenderer().render(lags));
        out.flush();
    }
}
