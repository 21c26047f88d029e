package io.ticketstream.warehouse.migrate;

import java.io.Writer;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.ticketstream.warehouse.Dialect;
import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The warehouse model's versioned migrations (Liquibase, changelog {@value #CHANGELOG}): applies what an
 * environment's warehouse has not run yet, lists it, or writes the SQL an apply would run (a dry run), against a
 * live connection or, for Snowflake without credentials, Liquibase's offline mode.
 *
 * <p>Liquibase records every changeset it ran (id, checksum) in the target's DATABASECHANGELOG table, so a second
 * apply runs nothing; a changed run-once changeset is refused (checksum mismatch), a changed runOnChange one
 * (the staging and presentation SQL) is run again.
 */
public final class Migrations {

    public static final String CHANGELOG = "io/ticketstream/warehouse/changelog/changelog.xml";
    /** What the Snowflake SQL names: the database, the warehouse refreshes run on, the roles, the target lag. */
    public static final List<String> SNOWFLAKE_PARAMETERS = List.of("database", "transform_warehouse", "target_lag",
            "deploy_role", "analyst_role", "ingest_role");

    private final Map<String, String> parameters;

    /**
     * @param parameters changelog parameters for {@code ${name}} in the SQL (Snowflake: database, warehouse, roles,
     *                   target lag); PostgreSQL needs none
     */
    public Migrations(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** Runs every changeset the target has not run; returns their ids, in order (empty: nothing to do). */
    public List<String> apply(Connection connection) throws LiquibaseException {
        return inScope(() -> {
            Liquibase liquibase = liquibase(database(connection));
            List<String> pending = ids(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()));
            if (!pending.isEmpty()) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            return pending;
        });
    }

    /** The changesets an apply would run now, by id. */
    public List<String> pending(Connection connection) throws LiquibaseException {
        return inScope(() -> {
            return ids(liquibase(database(connection)).listUnrunChangeSets(new Contexts(), new LabelExpression()));
        });
    }

    /** Writes the SQL an apply would run against this target now (nothing is changed). */
    public void drySql(Connection connection, Writer out) throws LiquibaseException {
        inScope(() -> {
            liquibase(database(connection)).update(new Contexts(), new LabelExpression(), out);
            return null;
        });
    }

    /**
     * Writes the SQL of a first apply of the whole model in {@code dialect}, without any connection (Liquibase's
     * offline mode): how the Snowflake-only SQL is produced and checked where no Snowflake account exists.
     */
    public void offlineSql(Dialect dialect, Writer out) throws LiquibaseException {
        java.nio.file.Path history;
        try {
            // Offline mode keeps its "already run" list in a CSV file: a fresh, empty one, so this is always a first apply.
            history = java.nio.file.Files.createTempFile("ticketstream-offline-changelog-", ".csv");
            java.nio.file.Files.delete(history);
        } catch (java.io.IOException e) {
            throw new LiquibaseException("cannot create a temporary file for Liquibase's offline mode", e);
        }
        try {
            inScope(() -> {
                ResourceAccessor accessor = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader());
                OfflineConnection offline = new OfflineConnection("offline:" + dialect.liquibaseId()
                        + "?outputLiquibaseSql=all&changeLogFile=" + history, accessor);
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(offline);
                requireParameters(database.getShortName());
                liquibase(database).update(new Contexts(), new LabelExpression(), out);
                return null;
            });
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(history);
            } catch (java.io.IOException ignored) {
                // a temporary file
            }
        }
    }

    /** Not closed after use: closing a Liquibase closes the caller's connection. */
    private Liquibase liquibase(Database database) {
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
        parameters.forEach((name, value) -> liquibase.getChangeLogParameters().set(name, value));
        return liquibase;
    }

    private Database database(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        requireParameters(database.getShortName());
        return database;
    }

    private void requireParameters(String dbms) {
        if (Dialect.SNOWFLAKE.liquibaseId().equals(dbms)) {
            List<String> missing = SNOWFLAKE_PARAMETERS.stream().filter(p -> parameters.get(p) == null || parameters.get(p).isBlank()).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the Snowflake model needs the parameter(s) " + missing
                        + " (the environment file's \"parameters\")");
            }
        }
    }

    private static List<String> ids(List<ChangeSet> changeSets) {
        return changeSets.stream().map(ChangeSet::getId).toList();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws LiquibaseException;
    }

    /**
     * Liquibase quiet and local: its console messages and update summary go to its log (WARNING and up shown), and its usage analytics
     * (on by default in the open-source 4.3x line, sent to Liquibase's servers) are off.
     */
    private static <T> T inScope(Work<T> work) throws LiquibaseException {
        java.util.logging.Logger.getLogger("liquibase").setLevel(Level.WARNING);
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        // the update summary goes to Liquibase's log (callers report what ran), not to standard output
        scope.put("liquibase.command.showSummaryOutput", "LOG");
        // The runnable ops-cli jar is shaded and carries this module: a classpath with both (the local stack, the
        // build's own tests) sees the changelog twice, from the same build. Liquibase refuses that by default.
        scope.put(GlobalConfiguration.DUPLICATE_FILE_MODE.getKey(), GlobalConfiguration.DuplicateFileMode.DEBUG);
        try {
            return Scope.child(scope, work::run);
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }
}
