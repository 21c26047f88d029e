package io.ticketstream.ops.connectors;

import java.nio.file.Path;
import java.util.List;

/** Per-environment overlays on base connector configs. */
final class EnvironmentOverlays {
    private EnvironmentOverlays() {
    }

    static List<ConnectorDefinition> load(ConnectorFileLoader loader, Path fileOrDir, String env) {
        throw new ConnectorFileException(fileOrDir, "--env " + env + ": overlay layout not supported yet");
    }
}
