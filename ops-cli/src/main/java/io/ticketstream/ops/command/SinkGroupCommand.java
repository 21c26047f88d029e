package io.ticketstream.ops.command;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConnectHttpException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A sink connector's consumer group ({@code connect-<name>}), which outlives the connector. */
@Command(name = "sink-group", mixinStandardHelpOptions = true,
        description = "A sink connector's consumer group (connect-<name>), which outlives a deleted connector.",
        subcommands = SinkGroupCommand.Delete.class)
public final class SinkGroupCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * Deletes the orphaned group of a deleted sink connector, so a connector created later under the same name
     * starts from {@code auto.offset.reset} instead of the old offsets, and lag stops listing it. Refused while the
     * connector exists on the worker (its offsets are the connector's: {@code offsets reset} is the way) or while
     * the group has members.
     */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete the consumer group of a deleted sink connector; refused while the connector exists or the group has members.")
    static final class Delete implements Callable<Integer> {
        @Mixin ConnectOptions connect;
        @Mixin KafkaOptions kafka;
        @Parameters(index = "0", paramLabel = "CONNECTOR", description = "The sink connector's name (the group is connect-<name>).")
        String connector;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            String group = "connect-" + connector;
            ConnectClient client = connect.client();
            if (client.connectorConfig(connector).isPresent()) {
                out.println(group + ": not deleted: connector " + connector + " still exists on " + client.baseUri()
                        + "; its offsets are its own (ticketstream-ops offsets reset " + connector + "), or delete the connector first");
                out.flush();
                return ExitCodes.PRECONDITION;
            }
            kafka.requireReachable();
            try (Admin admin = kafka.admin("ticketstream-ops-sink-group")) {
                ConsumerGroupDescription description;
                try {
                    description = admin.describeConsumerGroups(List.of(group)).all()
                            .get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS).get(group);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        out.println(group + ": no such group");
                        out.flush();
                        return ExitCodes.PRECONDITION;
                    }
                    throw e;
                }
                if (!description.members().isEmpty()) {
                    out.println(group + ": not deleted: " + description.members().size() + " member(s) "
                            + description.members().stream().map(m -> m.clientId() + "@" + m.host()).toList()
                            + " still consume with it (another worker or cluster runs " + connector + "?)");
                    out.flush();
                    return ExitCodes.PRECONDITION;
                }
                Map<?, ?> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
                admin.deleteConsumerGroups(List.of(group)).all().get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
                out.println(group + ": deleted (" + offsets.size() + " committed partition offset(s) gone)");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
