package io.ticketstream.ops.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.warehouse.env.WarehouseEnvironment;
import io.ticketstream.warehouse.migrate.Migrations;
import liquibase.exception.LiquibaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Applies the migrations the environment's warehouse has not run (idempotent: a second apply runs nothing), or with
 * {@code --dry-run} prints the SQL they would run; {@code --offline} prints the SQL of a first apply without
 * connecting (how the Snowflake SQL is reviewed where no account or key is at hand).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply the warehouse model's pending migrations to --env's warehouse (--dry-run: print the SQL).")
public final class WarehouseApplyCommand implements Callable<Integer> {

    @Mixin WarehouseOptions options;

    @Option(names = "--dry-run", description = "Print the SQL an apply would run; change nothing.")
    boolean dryRun;

    @Option(names = "--offline", description = "With --dry-run: no connection; the SQL of a first apply in the environment's dialect.")
    boolean offline;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (offline && !dryRun) {
            err.println("error: --offline only goes with --dry-run (an apply needs the warehouse)");
            return ExitCodes.USAGE;
        }
        WarehouseEnvironment environment = options.load();
        Migrations migrations = new Migrations(environment.parameters());
        if (offline) {
            migrations.offlineSql(environment.dialect(), out);
            out.flush();
            return ExitCodes.OK;
        }
        try (Connection connection = options.connections().open(environment)) {
            if (dryRun) {
                migrations.drySql(connection, out);
                out.flush();
                return ExitCodes.OK;
            }
            List<String> ran = migrations.apply(connection);
            out.println(environment.name() + " (" + environment.dialect().liquibaseId() + "): "
                    + (ran.isEmpty() ? "up to date, nothing to apply" : "applied " + String.join(", ", ran)));
            out.flush();
            return ExitCodes.OK;
        } catch (SQLException e) {
            return WarehouseErrors.unreachable(err, environment, e);
        } catch (LiquibaseException e) {
            err.println("error: " + environment.name() + ": the migration failed, nothing of the failing changeset was "
                    + "recorded as run: " + WarehouseErrors.rootMessage(e));
            err.flush();
            return ExitCodes.FAILED;
        }
    }
}
