package io.ticketstream.ops.command;

import io.ticketstream.ops.connectors.ConfigOverride;
import io.ticketstream.ops.connectors.ConnectorDefinition;
import io.ticketstream.ops.connectors.ConnectorFileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The connector files or folders a command works on, the environment whose overlay applies, and per-run
 * {@code --set} values on top of both.
 */
public final class ConnectorInputs {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Connector JSON file(s) or folder(s).")
    List<Path> paths;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment overlay to merge onto the base config.")
    String env;

    @Option(names = "--set", paramLabel = ConfigOverride.FORMAT, converter = ConfigOverrideConverter.class,
            description = "Set one config key of one loaded connector on top of the files and --env overlay "
                    + "(values no file can know: ports chosen at start-up, a CI run's hosts). Split at the first ':' "
                    + "and the first '=' after it, so the value may hold ':' and '='; kept verbatim. Repeatable; "
                    + "a later one for the same key wins. Removing a key is the overlay's job (null).")
    List<ConfigOverride> overrides = new ArrayList<>();

    public List<ConnectorDefinition> load() {
        ConnectorFileLoader loader = new ConnectorFileLoader();
        List<ConnectorDefinition> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(loader.load(path, env));
        }
        return ConfigOverride.applyAll(all, overrides);
    }
}
