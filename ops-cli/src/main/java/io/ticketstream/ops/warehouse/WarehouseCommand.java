package io.ticketstream.ops.warehouse;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ticketstream-ops warehouse apply|check}: the warehouse model, deployed and reconciled per environment. */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = "The warehouse model (warehouse/): apply its migrations to an environment's warehouse, check it.",
        subcommands = {WarehouseApplyCommand.class, WarehouseCheckCommand.class, CommandLine.HelpCommand.class})
public final class WarehouseCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
