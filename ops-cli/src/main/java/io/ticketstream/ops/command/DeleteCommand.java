package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Removes connectors. A sink's consumer group (its committed offsets) stays behind: {@code sink-group delete} removes it. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete connectors (DELETE /connectors/{name}). Sink offsets stay in group connect-<name>: see sink-group delete.")
public final class DeleteCommand implements Callable<Integer> {

    @Mixin ConnectOptions connect;
    @Parameters(arity = "1..*", paramLabel = "NAME") List<String> names;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectClient client = connect.client();
        for (String name : names) {
            client.deleteConnector(name);
            out.println(name + ": deleted");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
