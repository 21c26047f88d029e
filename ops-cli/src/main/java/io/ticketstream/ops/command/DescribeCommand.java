package io.ticketstream.ops.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connectors.SecretMasker;
import io.ticketstream.ops.render.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A connector's effective config: every key as stored (config-provider references shown as references, never
 * resolved) plus the plugin's defaults for the keys not set, with secrets masked: the keys the plugin declares
 * PASSWORD, keys named like secrets, and secrets inside values (JAAS {@code password="..."}, URL user info).
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Effective config of a connector (stored keys + plugin defaults), secrets masked.")
public final class DescribeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin ConnectOptions connect;
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--no-defaults", description = "Only the keys set in the connector's config.")
    boolean noDefaults;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec CommandSpec spec;

    record Entry(String value, boolean isDefault) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        JsonNode info = client.connectorInfo(name);
        Map<String, Entry> effective = new TreeMap<>();
        info.path("config").fields().forEachRemaining(e -> effective.put(e.getKey(), new Entry(e.getValue().asText(null), false)));
        String connectorClass = info.path("config").path("connector.class").asText();
        Set<String> passwordKeys = new LinkedHashSet<>();
        for (JsonNode definition : client.pluginConfigDefinition(connectorClass)) {
            String key = definition.path("name").asText();
            if ("PASSWORD".equals(definition.path("type").asText())) {
                passwordKeys.add(key);
            }
            if (!noDefaults && !effective.containsKey(key)) {
                effective.put(key, new Entry(definition.path("default_value").asText(null), true));
            }
        }
        SecretMasker masker = new SecretMasker(passwordKeys);
        if (output == OutputFormat.json) {
            ObjectNode config = JSON.createObjectNode();
            effective.forEach((key, entry) -> config.put(key, shown(masker, key, entry)));
            ObjectNode doc = JSON.createObjectNode().put("name", name).put("type", info.path("type").asText())
                    .put("tasks", info.path("tasks").size());
            doc.set("config", config);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            out.println(name + " (" + connectorClass + "): " + info.path("type").asText() + ", " + info.path("tasks").size() + " task(s)");
            TextTable table = new TextTable("KEY", "VALUE", "SOURCE");
            effective.forEach((key, entry) -> table.row(key, shown(masker, key, entry), entry.isDefault() ? "default" : "set"));
            out.print(table.render());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String shown(SecretMasker masker, String key, Entry entry) {
        return entry.value() == null ? null : masker.show(key, entry.value());
    }
}
