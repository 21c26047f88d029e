package io.ticketstream.ops.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConnectorHealth;
import io.ticketstream.ops.connect.TraceSummary;
import io.ticketstream.ops.render.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every connector and task with its state and, when failed, the cause (the deepest {@code Caused by:} of the trace,
 * whole); exits 1 when anything is FAILED so it can gate a pipeline.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "State of every connector and task.")
public final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin ConnectOptions connect;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Connectors to show (default: all).")
    List<String> names = List.of();

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        List<String> selected = names.isEmpty() ? client.connectorNames() : names;
        ArrayNode raw = JSON.createArrayNode();
        TextTable table = new TextTable("CONNECTOR", "TASK", "TYPE", "STATE", "WORKER", "ERROR");
        boolean anyFailed = false;
        for (String name : selected) {
            var status = client.status(name);
            raw.add(status);
            ConnectorHealth health = ConnectorHealth.parse(status);
            anyFailed |= health.anyFailed();
            table.row(health.name(), "-", health.type(), health.state(), health.workerId(), TraceSummary.cause(health.trace()));
            for (ConnectorHealth.TaskHealth task : health.tasks()) {
                table.row(health.name(), task.id(), health.type(), task.state(), task.workerId(), TraceSummary.cause(task.trace()));
            }
        }
        if (output == OutputFormat.json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(raw));
        } else if (table.isEmpty()) {
            out.println("no connectors on " + client.baseUri());
        } else {
            out.print(table.render());
        }
        out.flush();
        return anyFailed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
