package io.ticketstream.ops.backfill;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.command.ConnectOptions;
import io.ticketstream.ops.command.DurationConverter;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backfill start | status | stop}: Braze's first load or a re-sync, beside the live connector. The backfill
 * is a second Braze sink connector reading the compacted Customer topic from its beginning with a share of the
 * workspace's rate limit (it leaves the rest of every window to the live connector) and its requests marked as bulk
 * traffic. Stopping keeps its offsets (Connect's STOPPED state), so start resumes it; {@code --from-beginning}
 * starts over.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Load or re-sync Braze from the compacted Customer topic beside the live connector: start, status (progress, ETA), stop.",
        subcommands = {BackfillCommand.Start.class, BackfillCommand.Status.class, BackfillCommand.Stop.class})
public final class BackfillCommand implements Runnable {

    static final String DEFAULT_FILE = "connectors/backfill/braze-users-backfill.json";

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** What every subcommand needs: the backfill connector's file (its name), and Connect. */
    abstract static class Base implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Spec CommandSpec spec;

        @Option(names = "--file", defaultValue = DEFAULT_FILE,
                description = "The backfill connector's JSON (default ${DEFAULT-VALUE}).")
        Path file;

        ConnectorDefinition definition() {
            return new ConnectorFileLoader().loadFile(file);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Create (or resume) the backfill connector with the live connector's Braze connection.")
    static final class Start extends Base {
        @Option(names = "--live", defaultValue = "braze-users",
                description = "The live connector whose Braze connection and limit the backfill shares (default ${DEFAULT-VALUE}).")
        String live;

        @Option(names = "--share", description = "Part of each rate-limit window the backfill may use (default: the file's).")
        String share;

        @Option(names = "--from-beginning", description = "Start over: reset a stopped backfill's offsets first.")
        boolean fromBeginning;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Set a key of the backfill's config (e.g. tasks.max=4), after the copied connection.")
        Map<String, String> sets = new HashMap<>();

        @Override
        public Integer call() {
            ConnectClient client = connect.client();
            ConnectorDefinition backfill = definition();
            Map<String, String> liveConfig = client.connectorConfig(live).orElseThrow(() ->
                    new IllegalArgumentException("no connector '" + live + "' on " + client.baseUri()
                            + ": the backfill takes its Braze connection from the live connector (--live)"));
            Map<String, String> config = BackfillConnector.config(backfill, liveConfig, share, sets);
            boolean exists = client.connectorConfig(backfill.name()).isPresent();
            if (exists && fromBeginning) {
                client.stop(backfill.name());
                client.resetOffsets(backfill.name());
            }
            client.putConnectorConfig(backfill.name(), config);
            if (exists) {
                client.resume(backfill.name());
            }
            out().printf("%s: %s with the Braze connection of %s, share %s of each window, bulk-marked %s%n",
                    backfill.name(), exists ? (fromBeginning ? "restarted from the beginning" : "resumed") : "started",
                    live, config.getOrDefault("braze.quota.share", "1"), config.getOrDefault("braze.track.bulk", "false"));
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "State, records done of the topic, rate and ETA (two readings --interval apart).")
    static final class Status extends Base {
        @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "${env:TICKETSTREAM_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka bootstrap servers, for the topic's offsets (default ${DEFAULT-VALUE}).")
        String bootstrapServers;

        @Option(names = "--command-config", paramLabel = "FILE", description = "Admin client properties (security).")
        Path commandConfig;

        @Option(names = "--interval", defaultValue = "5s", converter = DurationConverter.class,
                description = "Time between the two readings that give the rate (default ${DEFAULT-VALUE}).")
        Duration interval;

        @Override
        public Integer call() throws IOException, InterruptedException, ExecutionException, TimeoutException {
            ConnectClient client = connect.client();
            String name = definition().name();
            JsonNode status = client.status(name);
            String state = status.path("connector").path("state").asText("UNKNOWN");
            List<String> topics = List.of(client.connectorConfig(name).orElseThrow().get("topics").split(","));
            try (Admin admin = Admin.create(adminProperties())) {
                Map<TopicPartition, Long> beginning = offsets(admin, topics, OffsetSpec.earliest());
                Map<TopicPartition, Long> end = offsets(admin, topics, OffsetSpec.latest());
                Map<TopicPartition, Long> before = committed(client, name);
                long started = System.nanoTime();
                TimeUnit.MILLISECONDS.sleep(interval.toMillis()); // the second reading of a rate, not a wait for a state
                Map<TopicPartition, Long> after = committed(client, name);
                BackfillProgress progress = BackfillProgress.of(before, after, beginning, end,
                        Duration.ofNanos(System.nanoTime() - started));
                out().printf("%s: %s, %s%n", name, state, progress.describe());
            }
            out().flush();
            return state.equals("FAILED") ? ExitCodes.FAILED : ExitCodes.OK;
        }

        private Properties adminProperties() throws IOException {
            Properties props = new Properties();
            if (commandConfig != null) {
                try (InputStream in = Files.newInputStream(commandConfig)) {
                    props.load(in);
                }
            }
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return props;
        }

        private static Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec)
                throws ExecutionException, InterruptedException, TimeoutException {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream()
                            .map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> spec));
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }

        /** The sink connector's committed offsets, from Connect's REST API (GET /connectors/{name}/offsets). */
        private static Map<TopicPartition, Long> committed(ConnectClient client, String name) {
            Map<TopicPartition, Long> out = new HashMap<>();
            for (JsonNode entry : client.offsets(name).path("offsets")) {
                out.put(new TopicPartition(entry.path("partition").path("kafka_topic").asText(),
                        entry.path("partition").path("kafka_partition").asInt()),
                        entry.path("offset").path("kafka_offset").asLong());
            }
            return out;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the backfill (Connect's STOPPED state: config and offsets kept; start resumes it).")
    static final class Stop extends Base {
        @Override
        public Integer call() {
            String name = definition().name();
            connect.client().stop(name);
            out().printf("%s: stopped (offsets kept: 'backfill start' resumes, 'backfill start --from-beginning' starts over)%n",
                    name);
            out().flush();
            return ExitCodes.OK;
        }
    }
}
