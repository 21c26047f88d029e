package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ValidationReport;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Asks the worker's plugin to validate each config; prints every field error; fails on any not explicitly allowed. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate connector configs against the worker's plugins (PUT /connector-plugins/{class}/config/validate).")
public final class ValidateCommand implements Callable<Integer> {

    @Mixin ConnectOptions connect;
    @Mixin ConnectorInputs inputs;

    @Option(names = "--allow-error", paramLabel = "FIELD",
            description = "A field whose errors are expected here (e.g. database.hostname where the server is unreachable). Repeatable.")
    List<String> allowedErrors = List.of();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        boolean failed = false;
        for (ConnectorDefinition connector : inputs.load()) {
            ValidationReport report = ValidationReport.of(client, connector.connectorClass(), connector.config());
            failed |= !printReport(out, connector, report, allowedErrors);
        }
        out.flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** Prints the verdict and each field error; returns true when no error outside {@code allowed} remains. */
    static boolean printReport(PrintWriter out, ConnectorDefinition connector, ValidationReport report, List<String> allowed) {
        Map<String, List<String>> blocking = report.errorsExcept(allowed);
        String verdict = blocking.isEmpty() ? "valid" : blocking.size() + " field(s) with errors";
        out.println(connector.name() + " (" + connector.connectorClass() + "): " + verdict);
        report.errors().forEach((field, messages) -> {
            String note = blocking.containsKey(field) ? "" : " (allowed)";
            messages.forEach(message -> out.println("  " + field + ": " + message + note));
        });
        report.warnings().forEach((field, message) -> out.println("  " + field + ": warning: " + message));
        return blocking.isEmpty();
    }
}
