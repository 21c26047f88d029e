package io.ticketstream.ops.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.render.TextTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What the worker can run: every plugin on its plugin.path and classpath, with type and version. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Plugins the worker can load (GET /connector-plugins?connectorsOnly=false): class, type, version.")
public final class PluginsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin ConnectOptions connect;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type: source, sink, converter, transformation, predicate, header_converter.")
    String type;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode plugins = connect.client().plugins();
        var selected = JSON.createArrayNode();
        TextTable table = new TextTable("CLASS", "TYPE", "VERSION");
        for (JsonNode plugin : plugins) {
            if (type == null || type.equalsIgnoreCase(plugin.path("type").asText())) {
                selected.add(plugin);
                table.row(plugin.path("class").asText(), plugin.path("type").asText(), plugin.path("version").asText(null));
            }
        }
        out.print(output == OutputFormat.json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(selected) + "\n" : table.render());
        out.flush();
        return ExitCodes.OK;
    }
}
