package io.ticketstream.local.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ticketstream.local.LocalDatabases;
import io.ticketstream.local.StackSecrets;
import io.ticketstream.local.StackSettings;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors the local stack runs: the shipped {@code connectors/} JSON for environment {@code local} (base
 * plus {@code env/local.json}, merged by ops-cli's loader), with what only this run knows set on top (ports
 * chosen at start-up, secrets as {@code ${file:...}} references into the data folder).
 */
public final class LocalConnectors {

    public static final String ENVIRONMENT = "local";
    /** The per-table upsert sinks earlier versions ran, replaced by connectors/base/warehouse-landing.json. */
    static final List<String> RETIRED = List.of("warehouse-customer", "warehouse-performance", "warehouse-order",
            "warehouse-ticket-sale");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");
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
        List<ConnectorDefinition> all = new ArrayList<>();
        for (ConnectorDefinition shipped : new ConnectorFileLoader().load(settings.connectorsDir(), ENVIRONMENT)) {
            all.add(new ConnectorDefinition(shipped.name(), runtimeOverrides(shipped), shipped.source()));
        }
        return all;
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

    /** What env/local.json cannot know: this run's ports and where this data folder keeps the secrets. */
    private Map<String, String> runtimeOverrides(ConnectorDefinition shipped) {
        Map<String, String> config = new LinkedHashMap<>(shipped.config());
        if (config.get("connector.class").startsWith("io.debezium.connector.postgresql.")) {
            config.put("database.hostname", "127.0.0.1");
            config.put("database.port", String.valueOf(postgresPort));
        }
        if (config.get("connector.class").startsWith("io.debezium.connector.jdbc.")) {
            config.put("connection.url", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalDatabases.WAREHOUSE_DB);
        }
        if (config.get("connector.class").startsWith("io.ticketstream.connect.braze.")) {
            config.put("braze.rest.url", "http://127.0.0.1:" + brazePort);
            config.put("braze.allow.insecure.http", "true");
        }
        config.replaceAll((k, v) -> envToFileReferences(v));
        config.computeIfPresent("signal.kafka.bootstrap.servers", (k, v) -> settings.bootstrapServers());
        config.computeIfPresent("schema.history.internal.kafka.bootstrap.servers", (k, v) -> settings.bootstrapServers());
        config.replaceAll((k, v) -> k.endsWith("replication.factor") ? "1" : v);
        return config;
    }

    /** {@code ${env:NAME}} the local stack can answer becomes {@code ${file:<secrets>:<key>}}. */
    private String envToFileReferences(String value) {
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = StackSecrets.ENV_REFERENCES.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(key == null ? m.group() : secrets.reference(key)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
