package io.ticketstream.ops;

import io.ticketstream.ops.backfill.BackfillCommand;
import io.ticketstream.ops.command.ApplyCommand;
import io.ticketstream.ops.command.DeleteCommand;
import io.ticketstream.ops.command.DescribeCommand;
import io.ticketstream.ops.command.DlqCommand;
import io.ticketstream.ops.command.PluginsCommand;
import io.ticketstream.ops.command.SinkGroupCommand;
import io.ticketstream.ops.command.LagCommand;
import io.ticketstream.ops.command.LifecycleCommands;
import io.ticketstream.ops.command.OffsetsCommand;
import io.ticketstream.ops.command.RestartCommand;
import io.ticketstream.ops.command.StatusCommand;
import io.ticketstream.ops.command.ValidateCommand;
import io.ticketstream.ops.connect.ConnectHttpException;
import io.ticketstream.ops.connect.ConnectUnreachableException;
import io.ticketstream.ops.connectors.ConnectorFileException;
import io.ticketstream.ops.kafka.KafkaUnreachableException;
import io.ticketstream.ops.warehouse.WarehouseCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ticketstream-ops}: deploy and watch connectors on any Connect cluster, and watch consumer lag. */
@Command(name = "ticketstream-ops", mixinStandardHelpOptions = true, versionProvider = OpsCli.Version.class,
        description = "Operations CLI for ticketstream: connectors (validate, apply, status, describe, restart, pause, resume, "
                + "stop, delete, offsets, plugins), dead letters (dlq peek), orphaned sink groups (sink-group delete), "
                + "consumer lag, the warehouse model (warehouse apply|check) and Braze backfills (backfill start|status|stop).",
        subcommands = {ValidateCommand.class, ApplyCommand.class, StatusCommand.class, DescribeCommand.class,
                RestartCommand.class, LifecycleCommands.Pause.class, LifecycleCommands.Resume.class,
                LifecycleCommands.Stop.class, DeleteCommand.class, OffsetsCommand.class, PluginsCommand.class,
                DlqCommand.class, SinkGroupCommand.class, LagCommand.class, WarehouseCommand.class, BackfillCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:validation errors, not RUNNING in time, a FAILED connector or task",
            "2:usage error, unreadable or malformed connector file",
            "3:Connect/Kafka unreachable, TLS or auth failure, unexpected HTTP error",
            "4:precondition: connector not found, rebalance in progress, offsets need STOPPED"})
public final class OpsCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own out/err writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpsCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(OpsCli::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        int code;
        if (cause instanceof ConnectHttpException http) {
            code = http.exitCode();
        } else if (cause instanceof ConnectorFileException || cause instanceof IllegalArgumentException
                || cause instanceof UncheckedIOException || cause instanceof java.nio.file.NoSuchFileException) {
            code = ExitCodes.USAGE;
        } else if (cause instanceof ConnectUnreachableException || cause instanceof KafkaUnreachableException
                || cause instanceof KafkaException
                || cause instanceof TimeoutException || cause instanceof IOException) {
            code = ExitCodes.UNREACHABLE;
        } else {
            err.println("error: " + cause);
            cause.printStackTrace(err);
            err.flush();
            return ExitCodes.UNREACHABLE;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        err.println("error: " + (cause instanceof java.nio.file.NoSuchFileException ? "no such file: " : "") + message);
        err.flush();
        return code;
    }

    /** The version Maven filtered into the jar, not Kafka's AppInfoParser version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = OpsCli.class.getResourceAsStream("/ticketstream-ops-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"ticketstream-ops " + props.getProperty("version", "unknown")};
        }
    }
}
