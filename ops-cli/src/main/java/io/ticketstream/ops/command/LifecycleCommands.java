package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** pause / resume / stop: one REST call per connector, the same shape, so they share one base. */
public final class LifecycleCommands {
    private LifecycleCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Parameters(arity = "1..*", paramLabel = "NAME") List<String> names;
        @Spec CommandSpec spec;

        abstract BiConsumer<ConnectClient, String> action();

        abstract String done();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConnectClient client = connect.client();
            for (String name : names) {
                action().accept(client, name);
                out.println(name + ": " + done());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause connectors (tasks stay assigned, stop processing).")
    public static final class Pause extends Base {
        BiConsumer<ConnectClient, String> action() {
            return ConnectClient::pause;
        }

        String done() {
            return "pause requested";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume paused or stopped connectors.")
    public static final class Resume extends Base {
        BiConsumer<ConnectClient, String> action() {
            return ConnectClient::resume;
        }

        String done() {
            return "resume requested";
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop connectors (tasks shut down, config kept): needed before offsets can be changed.")
    public static final class Stop extends Base {
        BiConsumer<ConnectClient, String> action() {
            return ConnectClient::stop;
        }

        String done() {
            return "stop requested";
        }
    }
}
