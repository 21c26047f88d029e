package io.ticketstream.ops.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ticketstream.ops.CliRun;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import io.ticketstream.warehouse.env.EnvironmentLoader;
import io.ticketstream.warehouse.env.WarehouseEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warehouse apply|check} as a user runs them, where no warehouse is needed: the shipped environments, usage
 * errors and their exit codes, the offline SQL of the Snowflake model. (Against a real warehouse: the end-to-end
 * test in integration-tests.)
 */
class WarehouseCommandTest {

    private static final Path ROOT = Path.of("..");
    private static final String ENV_DIR = ROOT.resolve("warehouse/env").toString();

    @TempDir
    Path temp;

    @Test
    void theOfflineDryRunPrintsTheSnowflakeModelWithoutAConnectionOrASecret() {
        CliRun run = CliRun.of("warehouse", "apply", "--env", "prod-eu", "--env-dir", ENV_DIR, "--dry-run", "--offline");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("CREATE OR REPLACE DYNAMIC TABLE presentation.fact_ticket_sale TARGET_LAG = '1 minute' "
                + "WAREHOUSE = TICKETSTREAM_TRANSFORM_WH AS"), run::toString);
        assertTrue(run.out().contains("GRANT USAGE ON DATABASE TICKETSTREAM_PROD_EU TO ROLE TICKETSTREAM_ANALYST"), run::toString);
    }

    @Test
    void anUnknownEnvironmentIsAUsageErrorNamingTheOnesThereAre() {
        CliRun run = CliRun.of("warehouse", "check", "--env", "prod-ap", "--env-dir", ENV_DIR);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown environment 'prod-ap'") && run.err().contains("prod-eu"), run::toString);
    }

    @Test
    void anUnsetSecretIsAUsageErrorNamingTheVariableNeverAValue() {
        CliRun run = CliRun.of("warehouse", "apply", "--env", "prod-us", "--env-dir", ENV_DIR);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("${env:SNOWFLAKE_DEPLOY_PRIVATE_KEY} is not set"), run::toString);
    }

    @Test
    void offlineWithoutDryRunIsRefused() {
        CliRun run = CliRun.of("warehouse", "apply", "--env", "local", "--env-dir", ENV_DIR, "--offline");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    }

    @Test
    void anUnreachableWarehouseExitsThreeWithTheCauseInWords() throws Exception {
        Files.writeString(temp.resolve("local.json"), Files.readString(Path.of(ENV_DIR, "local.json"))
                .replace("${file:.local/secrets/local-stack.properties:warehouse.password}", "${env:HOME}"));
        CliRun run = CliRun.of("warehouse", "check", "--env", "local", "--env-dir", temp.toString(),
                "--url", "jdbc:postgresql://127.0.0.1:1/warehouse");
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot connect to local's warehouse at jdbc:postgresql://127.0.0.1:1/warehouse"), run::toString);
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aTypoInAnEnvironmentFileIsAnErrorNamingTheKey() throws Exception {
        Files.writeString(temp.resolve("local.json"), Files.readString(Path.of(ENV_DIR, "local.json")).replace("\"user\"", "\"usr\""));
        CliRun run = CliRun.of("warehouse", "check", "--env", "local", "--env-dir", temp.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown key(s) [usr]"), run::toString);
    }

    /** One owner per fact: the warehouse environments name the account and database the Snowflake connector lands in. */
    @Test
    void eachSnowflakeEnvironmentIsTheAccountAndDatabaseItsConnectorLandsIn() throws Exception {
        EnvironmentLoader environments = new EnvironmentLoader(Path.of(ENV_DIR));
        for (String name : environments.names()) {
            WarehouseEnvironment environment = environments.load(name);
            if (environment.dialect() != io.ticketstream.warehouse.Dialect.SNOWFLAKE) {
                continue;
            }
            Map<String, String> connector = new ConnectorFileLoader().load(ROOT.resolve("connectors"), name).stream()
                    .filter(c -> c.name().equals("snowflake-canonical")).map(ConnectorDefinition::config).findFirst().orElseThrow();
            assertTrue(environment.url().startsWith("jdbc:snowflake://" + connector.get("snowflake.url.name") + "/"), name);
            assertEquals(connector.get("snowflake.database.name"), environment.parameters().get("database"), name);
            assertTrue(environment.url().contains("db=" + connector.get("snowflake.database.name") + "&"), name);
            assertEquals(connector.get("snowflake.role.name"), environment.parameters().get("ingest_role"), name);
            assertEquals("CANONICAL", connector.get("snowflake.schema.name"), "the landing schema the model reads");
        }
    }
}
