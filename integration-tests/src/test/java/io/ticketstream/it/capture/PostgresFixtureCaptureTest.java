package io.ticketstream.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.it.connectors.ConnectorConfigs;
import io.ticketstream.standin.cdc.AuroraCatalog;
import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginPath;
import io.ticketstream.standin.postgres.PostgresLauncher;

/**
 * Captures the PostgreSQL change events the streams app's tests replay, from a REAL run: PostgreSQL 15
 * (wal_level=logical, started by {@link PostgresLauncher}) and Debezium's PostgreSQL connector, loaded from the
 * assembled plugin folder into a real Connect worker and configured with the committed
 * {@code connectors/base/aurora-catalog.json} merged with {@code connectors/env/local.json} (only the port, the
 * password reference, the signal bootstrap servers and the partition count are overridden here).
 *
 * <p>On demand only ({@code ./mvnw -o -q -pl integration-tests test -Pcapture}): it rewrites the committed files in
 * {@code streams-app/src/test/resources/fixtures/postgres/}. It also asserts the envelope facts the streams app
 * relies on, so a Debezium upgrade that changes them fails here first.
 */
@Tag("capture")
class PostgresFixtureCaptureTest {

    private static final Logger log = LoggerFactory.getLogger(PostgresFixtureCaptureTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = "aurora-catalog";
    private static final String TRANSACTION_TOPIC = "aurora.transaction";
    private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);

    @Test
    void capturesEveryTableAndOperationFromARealDebeziumRun(@TempDir Path tmp) throws Exception {
        Path fixtures = fixturesDir();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path secrets = Files.writeString(tmp.resolve("aurora.properties"), "password=" + password + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.ofProject().forEnvironment("local").get(CONNECTOR));
        try (PostgresLauncher pg = PostgresLauncher.startTemporary()) {
            String user = config.get("database.user");
            String database = config.get("database.dbname");
            pg.createUser(user, password, true);
            pg.createDatabase(database, user);
            try (Connection owner = pg.connect(database, user, password); var statement = owner.createStatement()) {
                // the CDC user owns the tables, as publication.autocreate.mode=filtered requires
                statement.execute(AuroraCatalog.ddl());
                statement.execute(Files.readString(PluginPath.projectRoot().resolve("connectors/sql/aurora-catalog-cdc.sql")));
                for (String sql : CatalogChanges.SNAPSHOT_ROWS) {
                    statement.execute(sql);
                }
            }

            EmbeddedConnectCluster connect = ConnectClusters.builder("fixture-capture",
                    PluginPath.assembledWith("debezium-connector-postgres")).build();
            connect.start();
            try {
                config.put("database.port", String.valueOf(pg.port()));
                // the secret reaches the worker only through the file config provider, as in production
                config.put("database.password", "${file:" + secrets + ":password}");
                config.put("signal.kafka.bootstrap.servers", connect.kafka().bootstrapServers());
                // one partition per topic, so each fixture file is in commit order
                config.put("topic.creation.default.partitions", "1");
                connect.configureConnector(CONNECTOR, config);
                connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

                int snapshotRows = 7;
                connect.kafka().consume(snapshotRows, TIMEOUT_MS, "aurora.catalog.attractions", "aurora.catalog.venues",
                        "aurora.catalog.performances");
                Map<Long, String> labels;
                try (Connection changes = pg.connect(database, user, password)) {
                    labels = CatalogChanges.applyStreamed(changes);
                }
                int expected = CatalogChanges.EXPECTED_RECORDS.values().stream().mapToInt(Integer::intValue).sum();
                List<ConsumerRecord<byte[], byte[]>> tableRecords = new ArrayList<>();
                connect.kafka().consume(expected, TIMEOUT_MS, CatalogChanges.EXPECTED_RECORDS.keySet()
                        .toArray(String[]::new)).forEach(tableRecords::add);
                List<ConsumerRecord<byte[], byte[]>> transactionRecords = new ArrayList<>();
                connect.kafka().consume(2 * labels.size(), TIMEOUT_MS, TRANSACTION_TOPIC).forEach(transactionRecords::add);

                FixtureFiles files = new FixtureFiles(labels);
                tableRecords.forEach(files::addTableRecord);
                transactionRecords.forEach(files::addTransactionRecord);
                // written to target/ first, so a failed fact check still leaves the evidence to look at
                files.writeTo(Path.of("target/captured-fixtures"));
                assertEnvelopeFacts(files);
                files.writeTo(fixtures);
                log.info("Wrote {} fixture files to {}", files.fileNames().size(), fixtures);
            } finally {
                connect.stop();
            }
        }
    }

    /** The facts of reference/debezium.md and kafka-testing.md that the streams app's normalisation relies on. */
    private static void assertEnvelopeFacts(FixtureFiles files) {
        for (String table : List.of("attractions", "venues", "performances")) {
            for (String op : List.of("snapshot", "insert", "update", "delete")) {
                assertFalse(files.records(table + "." + op).isEmpty(), "no events for " + table + "." + op);
            }
        }
        JsonNode snapshot = files.records("performances.snapshot").get(0).get("value");
        assertEquals("r", snapshot.get("op").asText());
        assertEquals("2027-03-01T19:30:00.000000Z", snapshot.at("/after/starts_at").asText(),
                "timestamptz arrives as an ISO-8601 string in UTC");

        JsonNode insert = files.records("performances.insert").get(0).get("value");
        assertEquals("c", insert.get("op").asText());
        assertEquals("2027-04-10T18:30:00.000000Z", insert.at("/after/starts_at").asText(), "+01 offset normalised to UTC");
        assertNotNull(insert.get("transaction"), "provide.transaction.metadata=true adds the transaction block");
        JsonNode secondInsert = files.records("performances.insert").get(1).get("value");
        assertEquals(insert.at("/source/txId").asLong(), secondInsert.at("/source/txId").asLong(),
                "two rows of one transaction share its txId");
        assertEquals(List.of(1, 2), List.of(insert.at("/transaction/total_order").asInt(),
                secondInsert.at("/transaction/total_order").asInt()), "total_order counts events within the transaction");

        List<JsonNode> delete = files.records("performances.delete");
        assertEquals("d", delete.get(0).at("/value/op").asText());
        // Default replica identity: only the key is really in `before`. Debezium fills the other columns with
        // nulls where nullable, but with type placeholders (0, "") where NOT NULL: never read them as data.
        JsonNode before = delete.get(0).at("/value/before");
        assertEquals(101, before.get("performance_id").asLong());
        assertTrue(before.get("starts_at").isNull(), "nullable non-key column: null");
        assertEquals(0, before.get("attraction_id").asLong(), "NOT NULL bigint non-key column: placeholder 0");
        assertEquals("", before.get("status").asText(), "NOT NULL text non-key column: placeholder \"\"");
        assertTrue(delete.get(1).get("value").isNull(), "a tombstone follows the delete");

        List<JsonNode> keyChange = files.records("performances.key-change");
        assertEquals(List.of("d", "tombstone", "c"), keyChange.stream()
                .map(r -> r.get("value").isNull() ? "tombstone" : r.at("/value/op").asText()).toList());
        assertEquals(102, keyChange.get(0).at("/key/performance_id").asLong());
        assertEquals(200, keyChange.get(2).at("/key/performance_id").asLong());
    }

    private static Path fixturesDir() {
        String configured = System.getProperty("ticketstream.fixtures.dir");
        return configured != null ? Path.of(configured)
                : PluginPath.projectRoot().resolve("streams-app/src/test/resources/fixtures/postgres");
    }
}
