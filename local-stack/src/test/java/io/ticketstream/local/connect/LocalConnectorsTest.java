package io.ticketstream.local.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import io.ticketstream.local.StackSettings;
import io.ticketstream.ops.connectors.ConfigOverride;
import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local stack submits from connectors/ is what {@code ops apply connectors/ --env local} submits: with the
 * default ports nothing at all is set on top (the documented command, as written, finds nothing to change), and
 * with other ports exactly the --set values the stack prints.
 */
class LocalConnectorsTest {

    @TempDir Path data;

    private LocalConnectors connectors(int kafka, int connect, int postgres, int braze, int brazeRate) throws Exception {
        StackSettings settings = new StackSettings(PluginPath.projectRoot(), data, kafka, StackSettings.DEFAULT_CONTROLLER_PORT,
                connect, postgres, braze, StackSettings.DEFAULT_RATE, 1L, brazeRate);
        return new LocalConnectors(settings, postgres, braze);
    }

    @Test
    void withTheDefaultPortsTheDocumentedCommandIsExactlyWhatTheStackRuns() throws Exception {
        LocalConnectors defaults = connectors(StackSettings.DEFAULT_KAFKA_PORT, StackSettings.DEFAULT_CONNECT_PORT,
                StackSettings.DEFAULT_POSTGRES_PORT, StackSettings.DEFAULT_BRAZE_PORT, StackSettings.DEFAULT_BRAZE_REQUESTS_PER_WINDOW);
        assertEquals(List.of(), defaults.runOverrides());
        assertEquals("./ticketstream ops apply connectors/ --env local", defaults.applyCommand());
    }

    @Test
    void otherPortsBecomeTheSetValuesTheStackPrints() throws Exception {
        LocalConnectors moved = connectors(19192, 18183, 55532, 18185, 40);
        assertEquals(List.of(
                new ConfigOverride("aurora-catalog", "database.port", "55532"),
                new ConfigOverride("aurora-catalog", "signal.kafka.bootstrap.servers", "127.0.0.1:19192"),
                new ConfigOverride("braze-subscriptions", "braze.rest.url", "http://127.0.0.1:18185"),
                new ConfigOverride("braze-users", "braze.quota.requests.per.window", "40"),
                new ConfigOverride("braze-users", "braze.rest.url", "http://127.0.0.1:18185"),
                new ConfigOverride("warehouse-landing", "connection.url", "jdbc:postgresql://127.0.0.1:55532/warehouse")),
                moved.runOverrides());
        assertEquals("./ticketstream ops apply connectors/ --env local --connect-url http://127.0.0.1:18183"
                + " --set aurora-catalog:database.port=55532 --set aurora-catalog:signal.kafka.bootstrap.servers=127.0.0.1:19192"
                + " --set braze-subscriptions:braze.rest.url=http://127.0.0.1:18185"
                + " --set braze-users:braze.quota.requests.per.window=40 --set braze-users:braze.rest.url=http://127.0.0.1:18185"
                + " --set warehouse-landing:connection.url=jdbc:postgresql://127.0.0.1:55532/warehouse",
                moved.applyCommand());
    }

    @Test
    void theShippedSecretsAreReferencesTheWorkerResolvesNotRewrittenValues() throws Exception {
        LocalConnectors defaults = connectors(StackSettings.DEFAULT_KAFKA_PORT, StackSettings.DEFAULT_CONNECT_PORT,
                StackSettings.DEFAULT_POSTGRES_PORT, StackSettings.DEFAULT_BRAZE_PORT, StackSettings.DEFAULT_BRAZE_REQUESTS_PER_WINDOW);
        var aurora = defaults.definitions().stream().filter(c -> c.name().equals("aurora-catalog")).findFirst().orElseThrow();
        assertEquals("${env:AURORA_CDC_PASSWORD}", aurora.config().get("database.password"));
    }
}
