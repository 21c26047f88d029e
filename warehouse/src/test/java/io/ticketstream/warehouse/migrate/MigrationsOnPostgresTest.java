package io.ticketstream.warehouse.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.ticketstream.warehouse.LocalWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The changelog on a real PostgreSQL 15, as the local warehouse owner applies it. Methods run in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsOnPostgresTest {

    private static LocalWarehouse warehouse;

    @BeforeAll
    static void start() {
        warehouse = LocalWarehouse.start();
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    @Order(1)
    void aDryRunPrintsTheSqlAndChangesNothing() throws Exception {
        StringWriter sql = new StringWriter();
        try (Connection connection = warehouse.connect()) {
            LocalWarehouse.migrations().drySql(connection, sql);
            assertFalse(relationExists(connection, "presentation.fact_ticket_sale"), "nothing created by a dry run");
        }
        assertTrue(sql.toString().contains("CREATE OR REPLACE VIEW presentation.fact_ticket_sale"), sql::toString);
        assertTrue(sql.toString().contains("CREATE TABLE IF NOT EXISTS canonical.orders"), sql::toString);
        assertFalse(sql.toString().contains("DYNAMIC TABLE"), "no Snowflake-only SQL in the PostgreSQL run");
        assertFalse(sql.toString().contains("${"), "every changelog parameter resolved");
    }

    @Test
    @Order(2)
    void theFirstApplyCreatesEveryLayer() throws Exception {
        try (Connection connection = warehouse.connect()) {
            List<String> ran = LocalWarehouse.migrations().apply(connection);
            assertEquals(List.of("schemas", "landing", "dim-date", "model"), ran);
            for (String relation : List.of("canonical.customer", "canonical.performance", "canonical.orders",
                    "canonical.ticket_sale", "canonical.customer_change", "staging.customer_version",
                    "staging.order_ticket", "presentation.dim_customer", "presentation.dim_performance",
                    "presentation.dim_date", "presentation.fact_ticket_sale", "presentation.fact_ticket",
                    "presentation.load_watermark")) {
                assertTrue(relationExists(connection, relation), relation);
            }
            assertEquals(18263 + 1, count(connection, "SELECT count(*) FROM presentation.dim_date"));
        }
    }

    @Test
    @Order(3)
    void reApplyingIsANoOp() throws Exception {
        try (Connection connection = warehouse.connect()) {
            List<Long> before = objectIds(connection);
            long changelogRows = count(connection, "SELECT count(*) FROM databasechangelog");
            assertEquals(List.of(), LocalWarehouse.migrations().pending(connection));
            assertEquals(List.of(), LocalWarehouse.migrations().apply(connection), "nothing ran");
            assertEquals(before, objectIds(connection), "no relation dropped or recreated");
            assertEquals(changelogRows, count(connection, "SELECT count(*) FROM databasechangelog"));
        }
    }

    private static List<Long> objectIds(Connection connection) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE n.nspname IN ('canonical', 'staging', 'presentation') ORDER BY c.oid")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    static boolean relationExists(Connection connection, String relation) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT to_regclass('" + relation + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
