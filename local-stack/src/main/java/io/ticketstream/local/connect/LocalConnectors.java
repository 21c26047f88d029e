package io.ticketstream.local.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketstream.local.LocalDatabases;
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
 * {@link #applyCommand()} prints the exact command for this run. The warehouse stand-in is landed by the shipped
 * {@code warehouse-landing} like everything else.
 */
public final class LocalConnectors {

    public static final String ENVIRONMENT = "local";
    /** The per-table upsert sinks earlier versions ran, replaced by connectors/base/warehouse-landing.json. */
    static final List<String> RETIRED = List.of("warehouse-customer", "warehouse-performance", "warehouse-order",
            "warehouse-ticket-sale");
    private static final Logger log = LoggerFactory.getLogger(LocalConnectors.class);

    private final StackSettings settings;
    private final int postgresPort;
    private final int brazePort;

    public LocalConnectors(StackSettings settings, int postgresPort, int brazePort) {
        this.settings = settings;
        this.postgresPort = postgresPort;
        this.brazePort = brazePort;
    }

    public List<ConnectorDefinition> definitions() {
        return ConfigOverride.applyAll(shipped(), runOverrides());
    }

    /** Creates or updates every connector (PUT /connectors/{name}/config is idempotent). */
    public List<String> submit(ConnectClient client) throws IOException {
        List<String> existing = client.connectorNames();
        for (String retired : RETIRED) {
            if (existing.contains(retired)) {
                // a data folder from before the landing connector: stop the old sink so it no longer writes
                client.stop(retired);
                log.warn("Stopped connector {}: replaced by warehouse-landing (--reset removes it for good)", retired);
            }
        }
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
        wanted.put("warehouse-landing", Map.of("connection.url",
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalDatabases.WAREHOUSE_DB));
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
}
