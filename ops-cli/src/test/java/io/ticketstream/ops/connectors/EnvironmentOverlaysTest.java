package io.ticketstream.ops.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge rules of connectors/README.md, on a small layout of our own and on the project's real connectors/. */
class EnvironmentOverlaysTest {
    @TempDir Path root;
    private final ConnectorFileLoader loader = new ConnectorFileLoader();

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("base"));
        Files.createDirectories(root.resolve("env"));
        Files.writeString(root.resolve("base/cdc.json"),
                "{\"name\":\"cdc\",\"config\":{\"connector.class\":\"X\",\"database.hostname\":\"localhost\",\"database.sslmode\":\"require\","
                        + "\"database.password\":\"${env:DB_PASSWORD}\"}}");
        Files.writeString(root.resolve("base/warehouse.json"), "{\"name\":\"warehouse\",\"config\":{\"connector.class\":\"Y\"}}");
        Files.writeString(root.resolve("env/local.json"), "{\"environment\":\"local\",\"exclude\":[\"warehouse\"],"
                + "\"connectors\":{\"cdc\":{\"database.hostname\":\"127.0.0.1\",\"database.sslmode\":null,\"tasks.max\":2}}}");
    }

    @Test
    void overlaySetsKeysRemovesNullsAndExcludes() {
        List<ConnectorDefinition> local = loader.load(root, "local");
        assertEquals(1, local.size());
        ConnectorDefinition cdc = local.get(0);
        assertEquals("127.0.0.1", cdc.config().get("database.hostname"));
        assertFalse(cdc.config().containsKey("database.sslmode"));
        assertEquals("2", cdc.config().get("tasks.max"));
        assertEquals("${env:DB_PASSWORD}", cdc.config().get("database.password"), "references are never resolved");
    }

    @Test
    void baseFolderOrOneBaseFileFindTheOverlayBesideThem() {
        assertEquals(1, loader.load(root.resolve("base"), "local").size());
        assertEquals("127.0.0.1", loader.load(root.resolve("base/cdc.json"), "local").get(0).config().get("database.hostname"));
        ConnectorFileException excluded = assertThrows(ConnectorFileException.class,
                () -> loader.load(root.resolve("base/warehouse.json"), "local"));
        assertTrue(excluded.getMessage().contains("excluded in environment 'local'"), excluded.getMessage());
    }

    @Test
    void typosAreErrorsNamingTheFileAndTheName() throws IOException {
        Files.writeString(root.resolve("env/prod.json"), "{\"environment\":\"prod\",\"connectors\":{\"cdcc\":{\"a\":\"b\"}}}");
        ConnectorFileException typo = assertThrows(ConnectorFileException.class, () -> loader.load(root, "prod"));
        assertTrue(typo.getMessage().contains("prod.json") && typo.getMessage().contains("[cdcc]"), typo.getMessage());

        Files.writeString(root.resolve("env/prod.json"), "{\"environment\":\"production\"}");
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.load(root, "prod")).getMessage().contains("'production'"));

        Files.writeString(root.resolve("env/prod.json"), "{\"environment\":\"prod\",\"exlude\":[]}");
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.load(root, "prod")).getMessage().contains("[exlude]"));

        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.load(root, "staging")).getMessage()
                .contains("known: [local, prod]"));
        assertTrue(assertThrows(ConnectorFileException.class, () -> loader.load(root)).getMessage().contains("--env"));
    }

    /** Contract check on the team's real connectors/ folder: every environment resolves under these rules. */
    @Test
    void everyEnvironmentOfTheProjectsConnectorsFolderLoads() {
        Path connectors = Path.of("..", "connectors");
        List<String> environments = EnvironmentOverlays.environments(connectors);
        assertFalse(environments.isEmpty(), "connectors/env/*.json expected beside ops-cli");
        for (String env : environments) {
            List<ConnectorDefinition> all = loader.load(connectors, env);
            assertFalse(all.isEmpty(), env);
            all.forEach(c -> assertFalse(c.connectorClass().isBlank()));
        }
    }
}
