package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConvergenceWaiter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** POST /connectors/{name}/restart with includeTasks/onlyFailed, then (optionally) wait until RUNNING again. */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a connector and/or its tasks.")
public final class RestartCommand implements Callable<Integer> {

    @Mixin ConnectOptions connect;

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--include-tasks", description = "Restart the tasks too (implied by --only-failed).")
    boolean includeTasks;

    @Option(names = "--only-failed", description = "Restart only instances that are FAILED.")
    boolean onlyFailed;

    @Option(names = "--wait", description = "Wait until the connector and all tasks are RUNNING.")
    boolean waitForRunning;

    @Option(names = "--timeout", defaultValue = "2m", converter = DurationConverter.class) Duration timeout;

    @Option(names = "--poll-interval", defaultValue = "500ms", converter = DurationConverter.class, hidden = true)
    Duration pollInterval;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        // onlyFailed is about tasks as much as the connector; without includeTasks Connect would ignore failed tasks.
        boolean tasks = includeTasks || onlyFailed;
        client.restart(name, tasks, onlyFailed);
        out.println(name + ": restart requested (includeTasks=" + tasks + ", onlyFailed=" + onlyFailed + ")");
        if (!waitForRunning) {
            out.flush();
            return ExitCodes.OK;
        }
        out.flush();
        ConvergenceWaiter.Outcome outcome = new ConvergenceWaiter(client, pollInterval, 3).await(name, timeout);
        switch (outcome.verdict()) {
            case RUNNING -> out.println(name + ": RUNNING");
            case FAILED -> {
                out.println(name + ": FAILED again");
                ApplyCommand.printFailures(out, outcome.last().orElseThrow());
            }
            default -> out.println(name + ": not RUNNING after " + timeout.toSeconds() + "s");
        }
        out.flush();
        return outcome.verdict() == ConvergenceWaiter.Verdict.RUNNING ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
