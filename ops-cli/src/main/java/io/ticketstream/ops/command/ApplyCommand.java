package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConnectorHealth;
import io.ticketstream.ops.connect.ConvergenceWaiter;
import io.ticketstream.ops.connect.ValidationReport;
import io.ticketstream.ops.connectors.ConfigDiff;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.SecretMasker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Create-or-update, idempotently: validate every connector first and apply nothing when any is invalid (a folder is
 * one change: half of it applied is a state nobody reviewed), then for each: diff against the running config, PUT
 * only when something changed, and wait until the connector and all its tasks are RUNNING (or show why not).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update connectors (PUT /connectors/{name}/config) and wait until they run.")
public final class ApplyCommand implements Callable<Integer> {

    @Mixin ConnectOptions connect;
    @Mixin ConnectorInputs inputs;

    @Option(names = "--dry-run", description = "Validate and show the diff, change nothing.")
    boolean dryRun;

    @Option(names = "--timeout", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long to wait for RUNNING (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Do not wait for the connector and tasks to be RUNNING.")
    boolean noWait;

    @Option(names = "--poll-interval", defaultValue = "500ms", converter = DurationConverter.class, hidden = true)
    Duration pollInterval;

    @Option(names = "--allow-error", paramLabel = "FIELD", description = "Validation errors on this field do not block (repeatable).")
    List<String> allowedErrors = List.of();

    @Option(names = "--allow-partial",
            description = "Apply the valid connectors even when others are invalid (default: apply nothing then).")
    boolean allowPartial;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        List<ConnectorDefinition> connectors = inputs.load();
        Map<ConnectorDefinition, ValidationReport> valid = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (ConnectorDefinition connector : connectors) {
            ValidationReport report = ValidationReport.of(client, connector.connectorClass(), connector.config());
            if (report.errorsExcept(allowedErrors).isEmpty()) {
                valid.put(connector, report);
            } else {
                ValidateCommand.printReport(out, connector, report, allowedErrors);
                invalid.add(connector.name());
            }
        }
        invalid.forEach(name -> out.println(name + ": not applied (fix the errors above)"));
        if (!invalid.isEmpty() && !allowPartial) {
            List<String> heldBack = valid.keySet().stream().map(ConnectorDefinition::name).toList();
            out.println("nothing applied: " + invalid.size() + " of " + connectors.size() + " connector(s) invalid"
                    + (heldBack.isEmpty() ? "" : "; valid but held back: " + heldBack + " (--allow-partial applies them)"));
            out.flush();
            return ExitCodes.FAILED;
        }
        boolean failed = !invalid.isEmpty();
        for (Map.Entry<ConnectorDefinition, ValidationReport> e : valid.entrySet()) {
            failed |= !apply(client, e.getKey(), e.getValue(), out);
            out.flush();
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private boolean apply(ConnectClient client, ConnectorDefinition connector, ValidationReport report, PrintWriter out) {
        SecretMasker masker = new SecretMasker(report.passwordKeys());
        connector.config().forEach((key, value) -> {
            if (masker.isLiteralSecret(key, value)) {
                out.println(connector.name() + ": warning: " + key + " holds a literal secret; use ${file:...} or ${env:...}");
            }
        });

        Optional<Map<String, String>> running = client.connectorConfig(connector.name());
        ConfigDiff diff = ConfigDiff.between(running.orElse(Map.of()), connector.config());
        if (running.isPresent() && diff.isEmpty()) {
            out.println(connector.name() + ": unchanged");
        } else {
            out.println(connector.name() + ": " + (running.isEmpty() ? "new connector" : diff.entries().size() + " change(s)"));
            diff.render(masker).forEach(line -> out.println("  " + line));
            if (dryRun) {
                out.println(connector.name() + ": dry run, not applied");
                return true;
            }
            client.putConnectorConfig(connector.name(), connector.config());
            out.println(connector.name() + ": " + (running.isEmpty() ? "created" : "updated"));
        }
        if (dryRun || noWait) {
            return true;
        }
        return reportConvergence(client, connector.name(), out);
    }

    private boolean reportConvergence(ConnectClient client, String name, PrintWriter out) {
        out.flush();
        ConvergenceWaiter.Outcome outcome = new ConvergenceWaiter(client, pollInterval, 3).await(name, timeout);
        ConnectorHealth health = outcome.last().orElse(null);
        switch (outcome.verdict()) {
            case RUNNING -> {
                out.println(name + ": RUNNING with " + health.tasks().size() + " task(s) RUNNING");
                return true;
            }
            case FAILED -> {
                out.println(name + ": FAILED");
                printFailures(out, health);
                out.println("  fix the config and apply again, or: ticketstream-ops restart " + name + " --only-failed");
                return false;
            }
            default -> {
                out.println(name + ": not RUNNING after " + timeout.toSeconds() + "s (connector "
                        + (health == null ? "status unknown" : health.state() + ", tasks " + taskStates(health)) + ")");
                return false;
            }
        }
    }

    static void printFailures(PrintWriter out, ConnectorHealth health) {
        if (health.trace() != null) {
            out.println("  connector FAILED on " + health.workerId() + ":");
            out.println(indent(health.trace()));
        }
        health.tasks().stream().filter(t -> "FAILED".equals(t.state())).forEach(t -> {
            out.println("  task " + t.id() + " FAILED on " + t.workerId() + ":");
            out.println(indent(t.trace() == null ? "(no trace)" : t.trace()));
        });
    }

    static String taskStates(ConnectorHealth health) {
        return health.tasks().isEmpty() ? "none yet"
                : String.join(",", health.tasks().stream().map(t -> t.id() + "=" + t.state()).toList());
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }
}
