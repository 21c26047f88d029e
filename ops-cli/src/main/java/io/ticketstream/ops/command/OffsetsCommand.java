package io.ticketstream.ops.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConnectorHealth;
import io.ticketstream.ops.render.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Connector offsets through the REST offsets API of Kafka 3.6+ (KIP-875): read them, reset them, or set them from
 * a file for a backfill. Changing offsets needs the connector STOPPED; the command checks and says what to do.
 */
@Command(name = "offsets", mixinStandardHelpOptions = true, description = "Read, reset or set a connector's offsets.",
        subcommands = {OffsetsCommand.Get.class, OffsetsCommand.Reset.class, OffsetsCommand.Alter.class})
public final class OffsetsCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a connector's committed offsets.")
    static final class Get implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = {"-o", "--output"}, defaultValue = "table") OutputFormat output;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode offsets = connect.client().offsets(name);
            if (output == OutputFormat.json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(offsets));
            } else {
                TextTable table = new TextTable("PARTITION", "OFFSET");
                for (JsonNode entry : offsets.path("offsets")) {
                    table.row(describe(entry.path("partition")), describe(entry.path("offset")));
                }
                out.print(table.isEmpty() ? name + ": no committed offsets\n" : table.render());
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** Sink partitions read as topic-partition; source partitions are connector-defined maps, shown as JSON. */
        private static String describe(JsonNode node) {
            if (node.has("kafka_topic") && node.has("kafka_partition")) {
                return node.get("kafka_topic").asText() + "-" + node.get("kafka_partition").asText();
            }
            if (node.size() == 1 && node.has("kafka_offset")) {
                return node.get("kafka_offset").asText();
            }
            return node.toString();
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Reset a STOPPED connector's offsets (DELETE /connectors/{name}/offsets): it starts over on resume.")
    static final class Reset implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConnectClient client = connect.client();
            if (!ensureStopped(client, name, out)) {
                return ExitCodes.PRECONDITION;
            }
            JsonNode answer = client.resetOffsets(name);
            out.println(name + ": " + answer.path("message").asText("offsets reset"));
            out.println("  next: ticketstream-ops resume " + name);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "alter", mixinStandardHelpOptions = true,
            description = "Set a STOPPED connector's offsets from a JSON file ({\"offsets\":[{\"partition\":{..},\"offset\":{..}}]}).")
    static final class Alter implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "FILE") Path file;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ConnectClient client = connect.client();
            JsonNode body = JSON.readTree(file.toFile());
            if (body == null || !body.path("offsets").isArray()) {
                throw new IllegalArgumentException(file + ": expected {\"offsets\": [...]} as GET /connectors/" + name + "/offsets returns");
            }
            if (!ensureStopped(client, name, out)) {
                return ExitCodes.PRECONDITION;
            }
            JsonNode answer = client.alterOffsets(name, body);
            out.println(name + ": " + answer.path("message").asText("offsets altered"));
            out.println("  next: ticketstream-ops resume " + name);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Connect refuses offset changes unless the connector is STOPPED; say so, with the commands, instead of a bare 400. */
    static boolean ensureStopped(ConnectClient client, String name, PrintWriter out) {
        ConnectorHealth health = ConnectorHealth.parse(client.status(name));
        if ("STOPPED".equals(health.state())) {
            return true;
        }
        out.println(name + ": is " + health.state() + "; offsets can only be changed while the connector is STOPPED.");
        out.println("  1. ticketstream-ops stop " + name + "     (then check: ticketstream-ops status " + name + " shows STOPPED)");
        out.println("  2. run this offsets command again");
        out.println("  3. ticketstream-ops resume " + name);
        out.flush();
        return false;
    }
}
