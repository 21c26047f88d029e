package io.ticketstream.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.ticketstream.standin.postgres.PostgresLauncher;
import io.ticketstream.warehouse.migrate.Migrations;

/**
 * A real PostgreSQL 15 (test-support's launcher) with a {@code warehouse} database owned by a {@code warehouse}
 * login, as the local stack makes it: the model is applied and queried as that owner.
 */
public final class LocalWarehouse implements AutoCloseable {

    public static final String DATABASE = "warehouse";
    public static final String USER = "warehouse";
    public static final String PASSWORD = "test-only-not-a-secret";

    private final PostgresLauncher postgres;

    private LocalWarehouse(PostgresLauncher postgres) {
        this.postgres = postgres;
    }

    public static LocalWarehouse start() {
        PostgresLauncher postgres = PostgresLauncher.startTemporary();
        postgres.createUser(USER, PASSWORD, false);
        postgres.createDatabase(DATABASE, USER);
        return new LocalWarehouse(postgres);
    }

    public Connection connect() throws SQLException {
        return postgres.connect(DATABASE, USER, PASSWORD);
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public int port() {
        return postgres.port();
    }

    public static Migrations migrations() {
        return new Migrations(Map.of());
    }

    @Override
    public void close() {
        postgres.close();
    }
}
