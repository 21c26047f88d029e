package io.ticketstream.local.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.local.StackSecrets;
import io.ticketstream.local.StackSettings;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connectors.ConfigOverride;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors the local stack runs: the shipped {@code connectors/} JSON for environment {@code local} (base
 * plus {@code env/local.json}, merged by ops-cli's loader) exactly as {@code ticketstream ops apply connectors/
 * --env local} submits it, so that command finds nothing to change on a running stack. Its {@code ${env:...}}
 * secrets are answered by the worker ({@link StackEnvConfigProvider}); only ports that differ from the defaults
 * {@code env/local.json} names are set on top, as {@code --set} values ({@link #runOverrides()}), and
 * {@link #applyCommand()} prints the exact command for this run. Plus the connectors only the local stack has (JDBC
 * sinks into the warehouse, from this module's resources), used only while {@code connectors/base} has no file of
 * the same name.
 */
public final class LocalConnectors {

    public static final String ENVIRONMENT = "local";
    private static final String LOCAL_ONLY_INDEX = "/local-stack/connectors.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(BRAZE_PORT|POSTGRES_PORT|BRAZE_REQUESTS_PER_WINDOW|SECRET:([a-z.]+))}");
    private static final Logger log = LoggerFactory.getLogger(LocalConnectors.class);

    private final StackSettings settings;
    private final StackSecrets secrets;
    private final int postgresPort;
    private final int brazePort;

    public LocalConnectors(StackSettings settings, StackSecrets secrets, int postgresPort, int brazePort) {
        this.settings = settings;
        this.secrets = secrets;
        this.postgresPort = postgresPort;
        this.brazePort = brazePort;
    }

    public List<ConnectorDefinition> definitions() throws IOException {
        List<ConnectorDefinition> all = new ArrayList<>(ConfigOverride.applyAll(shipped(), runOverrides()));
        for (ConnectorDefinition local : localOnly()) {
            if (all.stream().noneMatch(c -> c.name().equals(local.name()))) {
                all.add(local);
            } else {
                log.info("connectors/base has {}: using it instead of the local stack's own copy", local.name());
            }
        }
        return all;
    }

    /** Creates or updates every connector (PUT /connectors/{name}/config is idempotent). */
    public List<String> submit(ConnectClient client) throws IOException {
        List<String> names = new ArrayList<>();
        for (ConnectorDefinition definition : definitions()) {
            putWithRetries(client, definition);
            names.add(definition.name());
            log.info("Submitted connector {} ({})", definition.name(), definition.connectorClass());
        }
        return names;
    }

    /**
     * A PUT can time out or answer 409 while the worker is still rebalancing or starting the connectors it already
     * had (a restart): try again a few times before giving up.
     */
    private static void putWithRetries(ConnectClient client, ConnectorDefinition definition) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.putConnectorConfig(definition.name(), definition.config());
                return;
            } catch (RuntimeException e) {
                if (attempt >= 6) {
                    throw e;
                }
                log.warn("PUT {} failed (attempt {}): {}; retrying", definition.name(), attempt, e.getMessage());
                try {
                    Thread.sleep(2_000L * attempt); // back-off between retries of a remote call, not a wait for a condition
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private List<ConnectorDefinition> shipped() {
        return new ConnectorFileLoader().load(settings.connectorsDir(), ENVIRONMENT);
    }

    /**
     * What this run chose that {@code env/local.json} cannot know: the ports, where they differ from the defaults
     * it names, and the Braze simulator's rate limit (the sink paces to the same quota). Empty with default settings.
     */
    public List<ConfigOverride> runOverrides() {
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        String brazeUrl = "http://127.0.0.1:" + brazePort;
        wanted.put("aurora-catalog", Map.of("database.port", String.valueOf(postgresPort),
                "signal.kafka.bootstrap.servers", settings.bootstrapServers()));
        wanted.put("braze-users", Map.of("braze.rest.url", brazeUrl,
                "braze.quota.requests.per.window", String.valueOf(settings.brazeRequestsPerWindow())));
        wanted.put("braze-subscriptions", Map.of("braze.rest.url", brazeUrl));
        List<ConfigOverride> overrides = new ArrayList<>();
        for (ConnectorDefinition connector : shipped()) {
            new java.util.TreeMap<>(wanted.getOrDefault(connector.name(), Map.of())).forEach((key, value) -> {
                if (!value.equals(connector.config().get(key))) {
                    overrides.add(new ConfigOverride(connector.name(), key, value));
                }
            });
        }
        return overrides;
    }

    /** The ops command that submits exactly what this stack runs from connectors/ (nothing to change on a running stack). */
    public String applyCommand() {
        StringBuilder command = new StringBuilder("./ticketstream ops apply connectors/ --env " + ENVIRONMENT);
        if (settings.connectPort() != StackSettings.DEFAULT_CONNECT_PORT) {
            command.append(" --connect-url http://127.0.0.1:").append(settings.connectPort());
        }
        runOverrides().forEach(o -> command.append(" --set ").append(o.connector()).append(':').append(o.key()).append('=').append(o.value()));
        return command.toString();
    }

    private List<ConnectorDefinition> localOnly() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ConnectorDefinition> out = new ArrayList<>();
        for (String line : read(LOCAL_ONLY_INDEX).split("\n")) {
            String file = line.trim();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            JsonNode root = json.readTree(resolve(read("/local-stack/connectors/" + file)));
            Map<String, String> config = new LinkedHashMap<>();
            root.get("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            out.add(new ConnectorDefinition(root.get("name").asText(), config, Path.of("local-stack", "connectors", file)));
        }
        return out;
    }

    private String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "BRAZE_PORT" -> String.valueOf(brazePort);
                case "POSTGRES_PORT" -> String.valueOf(postgresPort);
                case "BRAZE_REQUESTS_PER_WINDOW" -> String.valueOf(settings.brazeRequestsPerWindow());
                default -> secrets.reference(m.group(2));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LocalConnectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
