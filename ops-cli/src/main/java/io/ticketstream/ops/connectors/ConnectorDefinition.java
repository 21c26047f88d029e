package io.ticketstream.ops.connectors;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector as the operator wants it: its name and its config, where the config always carries
 * {@code name} (Connect adds it to the stored config, so leaving it out would show a spurious diff).
 */
public record ConnectorDefinition(String name, Map<String, String> config, Path source) {

    public ConnectorDefinition {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put("name", name);
        config = Collections.unmodifiableMap(copy);
    }

    public String connectorClass() {
        String value = config.get("connector.class");
        if (value == null || value.isBlank()) {
            throw new ConnectorFileException(source, "connector '" + name + "' has no connector.class");
        }
        return value;
    }
}
