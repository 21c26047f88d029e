package io.ticketstream.ops.connectors;

import java.nio.file.Path;

/** A connector file that cannot be read or does not have the expected shape; names the file and the problem. */
public final class ConnectorFileException extends RuntimeException {
    public ConnectorFileException(Path file, String reason) {
        super((file == null ? "<input>" : file.toString()) + ": " + reason);
    }

    public ConnectorFileException(Path file, String reason, Throwable cause) {
        super((file == null ? "<input>" : file.toString()) + ": " + reason, cause);
    }
}
