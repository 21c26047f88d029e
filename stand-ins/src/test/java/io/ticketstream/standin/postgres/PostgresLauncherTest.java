package io.ticketstream.standin.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresLauncherTest {

    @Test
    void startsALogicalDecodingServerThatAReplicationUserCanUseAndRemovesItsTemporaryFolderOnClose() throws Exception {
        Path dataDir;
        try (PostgresLauncher pg = PostgresLauncher.startTemporary()) {
            dataDir = pg.dataDir();
            pg.createUser("cdc", "s3cret-for-test", true);
            pg.createDatabase("catalog_db", "cdc");

            try (Connection connection = pg.connect("catalog_db", "cdc", "s3cret-for-test");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t(id bigint PRIMARY KEY)");
                assertEquals("logical", single(statement, "SHOW wal_level"));
                assertEquals("10", single(statement, "SHOW max_replication_slots"));
                assertEquals("true", single(statement, "SELECT rolreplication::text FROM pg_roles WHERE rolname = 'cdc'"));
                // a replication user can create a logical slot with pgoutput, which is what Debezium does
                assertEquals("probe", single(statement,
                        "SELECT slot_name FROM pg_create_logical_replication_slot('probe', 'pgoutput')"));
                statement.execute("SELECT pg_drop_replication_slot('probe')");
            }
            assertTrue(pg.databaseExists("catalog_db"));
            assertFalse(pg.databaseExists("nope"));
        }
        assertFalse(Files.exists(dataDir), "temporary data folder removed on close");
    }

    @Test
    void keepsAPersistentDataFolderAndItsDataBetweenRuns(@TempDir Path tmp) throws Exception {
        // the server account (postgres, when we are root) must be able to traverse to the folder
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = tmp.resolve("pgdata");
        try (PostgresLauncher pg = PostgresLauncher.builder().dataDir(dataDir).start()) {
            pg.createDatabase("kept", null);
            pg.execute("kept", "CREATE TABLE t(v text)", "INSERT INTO t VALUES ('survives a restart')");
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "persistent data folder kept");
        try (PostgresLauncher pg = PostgresLauncher.builder().dataDir(dataDir).start();
             Connection connection = pg.connect("kept");
             Statement statement = connection.createStatement()) {
            assertEquals("survives a restart", single(statement, "SELECT v FROM t"));
        }
    }

    @Test
    void reportsTheServerLogWhenTheServerDiesDuringStartup() {
        try (PostgresLauncher first = PostgresLauncher.startTemporary()) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> PostgresLauncher.builder().port(first.port()).start());
            assertTrue(error.getMessage().contains("exited during startup"), error.getMessage());
            assertTrue(error.getMessage().contains("could not"), "the server log explains why: " + error.getMessage());
        }
    }

    @Test
    void failsWithAnInstallHintWhenTheBinariesAreMissing(@TempDir Path empty) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> PostgresBinaries.in(empty));
        assertTrue(error.getMessage().contains("apt-get install postgresql-15"), error.getMessage());
        assertTrue(error.getMessage().contains("initdb"), error.getMessage());
    }

    @Test
    void rejectsSqlInjectionThroughRoleNames() {
        try (PostgresLauncher pg = PostgresLauncher.startTemporary()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> pg.createUser("x\"; DROP DATABASE postgres; --", "pw", false));
            assertTrue(error.getMessage().contains("not a plain lower-case SQL identifier"), error.getMessage());
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql + " returned no row");
            return rows.getString(1);
        }
    }
}
