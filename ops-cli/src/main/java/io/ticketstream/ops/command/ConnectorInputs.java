package io.ticketstream.ops.command;

import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The connector files or folders a command works on, and the environment whose overlay applies. */
public final class ConnectorInputs {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Connector JSON file(s) or folder(s).")
    List<Path> paths;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment overlay to merge onto the base config.")
    String env;

    public List<ConnectorDefinition> load() {
        ConnectorFileLoader loader = new ConnectorFileLoader();
        List<ConnectorDefinition> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(loader.load(path, env));
        }
        return all;
    }
}
