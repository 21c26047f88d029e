package io.ticketstream.ops.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketstream.ops.CliRun;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connectors.ConfigOverride;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set} through the real command line: applied after the files and the --env overlay, and refused before
 * any request is sent when it is malformed or names a connector that was not loaded.
 */
class ConnectorInputsTest {
    // Nothing listens here: a refused --set must fail on its own, before Connect is asked anything.
    private static final String NO_CONNECT = "http://127.0.0.1:1";

    @TempDir Path root;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("base"));
        Files.createDirectories(root.resolve("env"));
        Files.writeString(root.resolve("base/cdc.json"),
                "{\"name\":\"cdc\",\"config\":{\"connector.class\":\"X\",\"database.hostname\":\"db.internal\",\"database.port\":\"5432\"}}");
        Files.writeString(root.resolve("base/warehouse.json"), "{\"name\":\"warehouse\",\"config\":{\"connector.class\":\"Y\"}}");
        Files.writeString(root.resolve("env/ci.json"), "{\"environment\":\"ci\",\"exclude\":[\"warehouse\"],"
                + "\"connectors\":{\"cdc\":{\"database.hostname\":\"127.0.0.1\",\"database.port\":\"15432\"}}}");
    }

    @Test
    void setGoesOnTopOfTheEnvironmentOverlay() {
        ConnectorInputs inputs = new ConnectorInputs();
        inputs.paths = List.of(root);
        inputs.env = "ci";
        inputs.overrides = List.of(ConfigOverride.parse("cdc:database.port=49153"));

        List<ConnectorDefinition> loaded = inputs.load();

        assertEquals(1, loaded.size());
        assertEquals("127.0.0.1", loaded.get(0).config().get("database.hostname"), "the overlay still applies");
        assertEquals("49153", loaded.get(0).config().get("database.port"), "--set wins over the overlay");
    }

    @Test
    void unknownConnectorIsAUsageErrorNamingItAndTheLoadedOnes() {
        // warehouse exists in base/ but is excluded in ci: not loaded, so not settable
        CliRun run = CliRun.against(NO_CONNECT, "validate", root.toString(), "--env", "ci", "--set", "warehouse:tasks.max=2");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertEquals("error: --set warehouse:tasks.max: unknown connector 'warehouse' (loaded: [cdc])", run.err().strip(), run.toString());
    }

    @Test
    void malformedSetIsAUsageErrorNamingTheArgument() {
        CliRun run = CliRun.against(NO_CONNECT, "apply", root.toString(), "--env", "ci", "--set", "database.port=49153");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("Invalid value for option '--set' (CONNECTOR:KEY=VALUE): "
                + "'database.port=49153' is not CONNECTOR:KEY=VALUE: the connector name and ':' come first"), run.toString());
    }

    @Test
    void aMalformedSecretIsNotEchoed() {
        CliRun run = CliRun.against(NO_CONNECT, "validate", root.toString(), "--env", "ci", "--set", "cdc:database.password");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("'cdc:database.password' is not CONNECTOR:KEY=VALUE: no '=' after the key"), run.toString());

        CliRun secret = CliRun.against(NO_CONNECT, "validate", root.toString(), "--set", "database.password=hunter2");
        assertEquals(ExitCodes.USAGE, secret.exitCode(), secret.toString());
        assertFalse(secret.err().contains("hunter2"), secret.toString());
    }

    @Test
    void usageDocumentsTheOption() {
        CliRun help = CliRun.of("validate", "--help");
        assertTrue(help.out().contains("--set=CONNECTOR:KEY=VALUE"), help.toString());
    }
}
