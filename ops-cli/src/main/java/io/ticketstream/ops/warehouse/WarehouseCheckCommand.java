package io.ticketstream.ops.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.command.DurationConverter;
import io.ticketstream.ops.render.TextTable;
import io.ticketstream.warehouse.check.CanonicalTopicFigures;
import io.ticketstream.warehouse.check.CheckResult;
import io.ticketstream.warehouse.check.TopicFigures;
import io.ticketstream.warehouse.check.WarehouseChecks;
import io.ticketstream.warehouse.check.Watermark;
import io.ticketstream.warehouse.env.WarehouseEnvironment;
import io.ticketstream.warehouse.migrate.Migrations;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The reconciliations of the warehouse with itself and with the canonical topics (read up to the offsets the star
 * schema was built from, so landing lag is no mismatch). Exit codes: 0 every check held, 1 a check failed,
 * 2 usage, 3 the warehouse or Kafka unreachable, 4 the model is not (fully) applied.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Reconcile --env's warehouse: facts join dimensions, as-of versions, SCD2 history, and the "
                + "canonical topics' SALE minus REVERSAL gross per currency and tickets of paid orders.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check held", "1:a check failed", "2:usage error, unknown environment",
            "3:warehouse or Kafka unreachable", "4:the model has pending migrations (run warehouse apply)"})
public final class WarehouseCheckCommand implements Callable<Integer> {

    @Mixin WarehouseOptions options;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Overrides the environment's Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--skip-topics", description = "Only the checks inside the warehouse (no Kafka access needed).")
    boolean skipTopics;

    @Option(names = "--timeout", defaultValue = "2m", converter = DurationConverter.class,
            description = "Longest wait for Kafka (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WarehouseEnvironment environment = options.load();
        if (bootstrapServers != null) {
            environment = environment.withBootstrapServers(bootstrapServers);
        }
        List<CheckResult> results = new ArrayList<>();
        try (Connection connection = options.connections().open(environment)) {
            List<String> pending = new Migrations(environment.parameters()).pending(connection);
            if (!pending.isEmpty()) {
                err.println("error: " + environment.name() + "'s warehouse has pending migrations " + pending
                        + ": run `warehouse apply --env " + environment.name() + "` first");
                err.flush();
                return ExitCodes.PRECONDITION;
            }
            WarehouseChecks checks = new WarehouseChecks(connection);
            results.addAll(checks.insideTheWarehouse());
            if (!skipTopics) {
                Watermark watermark = checks.watermark();
                TopicFigures warehouse = checks.figures();
                if (!environment.kafka().containsKey("bootstrap.servers")) {
                    err.println("error: " + environment.name() + " has no kafka.bootstrap.servers: give --bootstrap-server or --skip-topics");
                    err.flush();
                    return ExitCodes.USAGE;
                }
                TopicFigures topics;
                try {
                    topics = new CanonicalTopicFigures(environment.kafka(), timeout).compute(watermark);
                } catch (KafkaException e) {
                    err.println("error: cannot read the canonical topics from " + environment.kafka().get("bootstrap.servers")
                            + ": " + WarehouseErrors.rootMessage(e));
                    err.flush();
                    return ExitCodes.UNREACHABLE;
                }
                results.addAll(WarehouseChecks.againstTheTopics(warehouse, topics));
            }
        } catch (SQLException e) {
            return WarehouseErrors.unreachable(err, environment, e);
        }
        TextTable table = new TextTable("RESULT", "CHECK", "DETAIL");
        results.forEach(r -> table.row(r.ok() ? "OK" : "FAILED", r.name(), r.detail()));
        out.print(table.render());
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(environment.name() + ": " + (results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
