package io.ticketstream.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.ticketstream.standin.cdc.AuroraCatalog;
import io.ticketstream.standin.postgres.PostgresLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's private PostgreSQL 15 and its two databases: {@code catalog} (the Aurora stand-in, captured by
 * Debezium through the {@code debezium_cdc} login, which owns the tables so it may create its publication) and
 * {@code warehouse} (the Snowflake stand-in, written by the JDBC sink as {@code warehouse}).
 */
public final class LocalDatabases implements AutoCloseable {

    public static final String CATALOG_DB = "catalog";
    public static final String WAREHOUSE_DB = "warehouse";
    public static final String CDC_USER = "debezium_cdc";
    public static final String WAREHOUSE_USER = "warehouse";

    private static final Logger log = LoggerFactory.getLogger(LocalDatabases.class);

    private final PostgresLauncher postgres;

    private LocalDatabases(PostgresLauncher postgres) {
        this.postgres = postgres;
    }

    public static LocalDatabases start(StackSettings settings, StackSecrets secrets) throws SQLException, IOException {
        PostgresLauncher postgres = PostgresLauncher.builder()
                .dataDir(settings.postgresDataDir())
                .port(settings.postgresPort())
                .start();
        LocalDatabases databases = new LocalDatabases(postgres);
        try {
            databases.prepare(settings, secrets);
        } catch (SQLException | IOException | RuntimeException e) {
            databases.close();
            throw e;
        }
        log.info("PostgreSQL 15 (real; catalog = Aurora stand-in, warehouse = Snowflake stand-in) on {}:{}",
                postgres.host(), postgres.port());
        return databases;
    }

    private void prepare(StackSettings settings, StackSecrets secrets) throws SQLException, IOException {
        if (!postgres.databaseExists(CATALOG_DB)) {
            postgres.createUser(CDC_USER, secrets.get(StackSecrets.AURORA_CDC_PASSWORD), true);
            postgres.createDatabase(CATALOG_DB, CDC_USER);
        }
        if (!postgres.databaseExists(WAREHOUSE_DB)) {
            postgres.createUser(WAREHOUSE_USER, secrets.get(StackSecrets.WAREHOUSE_PASSWORD), false);
            postgres.createDatabase(WAREHOUSE_DB, WAREHOUSE_USER);
        }
        try (Connection owner = postgres.connect(CATALOG_DB, CDC_USER, secrets.get(StackSecrets.AURORA_CDC_PASSWORD));
             Statement statement = owner.createStatement()) {
            statement.execute(AuroraCatalog.ddl());
            // The DBA's one-off setup shipped with the connector (signal and heartbeat tables).
            Path cdcSql = settings.connectorsDir().resolve("sql").resolve("aurora-catalog-cdc.sql");
            if (Files.exists(cdcSql)) {
                statement.execute(Files.readString(cdcSql, StandardCharsets.UTF_8));
            }
        }
    }

    /** A superuser connection to the catalogue: the traffic generator's "application" writes. */
    public Connection catalogConnection() throws SQLException {
        return postgres.connect(CATALOG_DB);
    }

    public Connection warehouseConnection() throws SQLException {
        return postgres.connect(WAREHOUSE_DB);
    }

    public PostgresLauncher postgres() {
        return postgres;
    }

    public int port() {
        return postgres.port();
    }

    @Override
    public void close() {
        postgres.close();
    }
}
