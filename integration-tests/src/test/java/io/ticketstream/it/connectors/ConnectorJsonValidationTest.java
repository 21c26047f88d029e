package io.ticketstream.it.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginPath;
import io.ticketstream.standin.postgres.PostgresLauncher;

/**
 * Every connector JSON in {@code connectors/}, merged for every environment, validated by a real Connect worker
 * ({@code PUT /connector-plugins/{class}/config/validate}) that has every plugin of {@code connect-plugins} loaded
 * from plugin.path, as in production. One worker for all of them.
 *
 * <p>Zero errors are expected, except the connectivity errors of servers that do not exist on this machine
 * (SQL Server, MongoDB, Snowflake, the production database hosts), each asserted by field and message
 * ({@link ExpectedValidationErrors}). PostgreSQL
 * does exist here: the {@code local} Aurora config is pointed at a real PostgreSQL 15 and must validate with no error
 * at all (Debezium's validation connects and checks the replication privileges and wal_level).
 *
 * <p>Note: Connect's validation does not flag unknown keys (a misspelt key is silently ignored); the key names in
 * {@code connectors/} were checked against each plugin's ConfigDef when written.
 */
class ConnectorJsonValidationTest {

    private static final Logger log = LoggerFactory.getLogger(ConnectorJsonValidationTest.class);
    private static final String SNOWFLAKE_JDBC_MAP = "snowflake.jdbc.map";
    private static final int SNOWFLAKE_TEST_LOGIN_TIMEOUT_SECONDS = 5;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private static EmbeddedConnectCluster connect;
    private static PostgresLauncher postgres;
    private static Path passwordFile;

    @BeforeAll
    static void startWorkerAndPostgres() throws Exception {
        ConnectorConfigs configs = ConnectorConfigs.ofProject();
        Map<String, String> aurora = configs.forEnvironment("local").get("aurora-catalog");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        passwordFile = Files.createTempFile("aurora-", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, "password=" + password + "\n", StandardCharsets.UTF_8);

        postgres = PostgresLauncher.startTemporary();
        postgres.createUser(aurora.get("database.user"), password, true);
        postgres.createDatabase(aurora.get("database.dbname"), aurora.get("database.user"));
        try (Connection owner = postgres.connect(aurora.get("database.dbname"), aurora.get("database.user"), password);
             var statement = owner.createStatement()) {
            statement.execute("CREATE SCHEMA catalog");
            statement.execute(Files.readString(PluginPath.projectRoot().resolve("connectors/sql/aurora-catalog-cdc.sql")));
        }

        connect = ConnectClusters.builder("connector-json-validation", PluginPath.assembledWith(
                "debezium-connector-sqlserver", "debezium-connector-mongodb", "debezium-connector-postgres",
                "debezium-connector-jdbc", "snowflake-kafka-connector", "connect-braze-sink", "connect-smt")).build();
        connect.start();
        // Validation logs in to each server; the absent ones retry until their own login timeouts (about 30 s for
        // SQL Server and MongoDB; Snowflake's 300 s default is cut short in validate()), which on a loaded 2-core
        // machine passed Connect's 90 s REST timeout. Waiting longer is not an assertion on time: the answer,
        // whenever it comes, is what is checked.
        connect.requestTimeout(TimeUnit.MINUTES.toMillis(5));
    }

    /**
     * PUT /connector-plugins/{class}/config/validate with our own HTTP client: EmbeddedConnect's client gives up
     * after a fixed 90 s idle timeout, shorter than Snowflake's login retries to an absent host on a loaded machine.
     */
    private static ConfigInfos validateOverRest(String connectorClass, Map<String, String> config) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        connect.endpointForResource("connector-plugins/" + connectorClass + "/config/validate")))
                .timeout(java.time.Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                .build();
        java.net.http.HttpResponse<String> response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "validate " + connectorClass + ": " + response.body());
        return JSON.readValue(response.body(), ConfigInfos.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connect != null) {
            connect.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (passwordFile != null) {
            Files.deleteIfExists(passwordFile);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConnectorOfEveryEnvironmentValidatesOnARealWorker() {
        ConnectorConfigs configs = ConnectorConfigs.ofProject();
        List<DynamicTest> tests = new ArrayList<>();
        for (String environment : configs.environments()) {
            configs.forEnvironment(environment).forEach((name, config) ->
                    tests.add(DynamicTest.dynamicTest(environment + "/" + name, () -> validate(environment, name, config))));
        }
        return tests.stream();
    }

    /**
     * The Snowflake account does not exist here, so its login can only fail; by default the JDBC driver (3.18.0 in
     * connector 2.5.0) keeps retrying it for its loginTimeout of 300 s, which made this class take minutes. The
     * connector hands each {@code key:value} of {@code snowflake.jdbc.map} (comma-separated) to the driver as a
     * JDBC property; a short {@code loginTimeout} ends the retries after it and at least one retry, with the same
     * "Exception encountered for HTTP request" failure, so the same "Cannot connect to Snowflake" errors. Appended
     * (the later entry wins in the connector's parsing) so a map the committed config may hold is still validated.
     * Only here: production keeps the driver's default.
     */
    private static String withShortSnowflakeLogin(String jdbcMap) {
        String shortLogin = "loginTimeout:" + SNOWFLAKE_TEST_LOGIN_TIMEOUT_SECONDS;
        return jdbcMap == null || jdbcMap.isBlank() ? shortLogin : jdbcMap + "," + shortLogin;
    }

    private static String throwawayPrivateKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void validate(String environment, String name, Map<String, String> merged) throws Exception {
        Map<String, String> config = new LinkedHashMap<>(merged);
        config.put("name", name);
        if (environment.equals("local") && name.equals("aurora-catalog")) {
            config.put("database.port", String.valueOf(postgres.port()));
            config.put("database.password", "${file:" + passwordFile + ":password}");
        }
        if (name.equals("snowflake-canonical")) {
            // Snowflake parses the key while validating: give it a real (throwaway, generated now) unencrypted
            // RSA key instead of the environment's fake text, so validation goes on to what it checks next.
            config.put("snowflake.private.key", throwawayPrivateKey());
            config.remove("snowflake.private.key.passphrase");
            config.put(SNOWFLAKE_JDBC_MAP, withShortSnowflakeLogin(config.get(SNOWFLAKE_JDBC_MAP)));
        }
        if (name.equals("mongodb-crm")) {
            // The absent replica set: the driver gives up server selection after 3 s instead of its default 30 s.
            config.put("mongodb.server.selection.timeout.ms", "3000");
        }
        if (name.equals("sqlserver-ticketing")) {
            // The absent SQL Server: the JDBC login gives up after 3 s instead of the driver's default.
            config.put("driver.loginTimeout", "3");
        }
        ConfigInfos result = validateOverRest(config.get("connector.class"), config);
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConfigInfo info : result.configs()) {
            // definitions without a value (e.g. Debezium's internal keys) carry no errors
            if (info.configValue() != null && !info.configValue().errors().isEmpty()) {
                errors.put(info.configValue().name(), info.configValue().errors());
            }
        }
        log.info("validate {}/{}: {} error(s) {}", environment, name, result.errorCount(), errors);
        Map<String, String> expected = ExpectedValidationErrors.of(environment, name);
        assertEquals(expected.keySet(), errors.keySet(), environment + "/" + name + ": fields with errors " + errors);
        expected.forEach((field, fragment) -> assertTrue(
                errors.get(field).stream().anyMatch(message -> message.contains(fragment)),
                environment + "/" + name + ": " + field + " should say '" + fragment + "' but says " + errors.get(field)));
        assertEquals(expected.size(), result.errorCount(), environment + "/" + name + ": error count " + errors);
    }
}
