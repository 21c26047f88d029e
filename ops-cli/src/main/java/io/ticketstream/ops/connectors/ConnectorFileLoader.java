package io.ticketstream.ops.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads connector files. Two plain shapes are accepted, both as Connect itself takes them:
 * <ul>
 *   <li>{@code {"name": "x", "config": {...}}} — the body of {@code POST /connectors};</li>
 *   <li>a flat config map with a {@code name} key — the body of {@code PUT /connectors/x/config}.</li>
 * </ul>
 * A folder laid out per environment ({@code base/} + {@code env/}, see connectors/README.md) is read with
 * {@link #load(Path, String)} and an environment name.
 * Values are kept verbatim as strings: {@code ${env:..}} / {@code ${file:..}} references are NEVER resolved here,
 * the worker's config providers do that, so secrets never pass through this tool.
 */
public final class ConnectorFileLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every connector in a file, or in every {@code *.json} file directly inside a folder (sorted by file name). */
    public List<ConnectorDefinition> load(Path fileOrDir) {
        if (Files.isDirectory(fileOrDir) && EnvironmentOverlays.isLayoutRoot(fileOrDir)) {
            throw new ConnectorFileException(fileOrDir, "holds per-environment connectors: choose one with --env (known: "
                    + EnvironmentOverlays.environments(fileOrDir) + ")");
        }
        if (Files.isDirectory(fileOrDir)) {
            List<ConnectorDefinition> all = new ArrayList<>();
            for (Path file : jsonFiles(fileOrDir)) {
                all.add(loadFile(file));
            }
            if (all.isEmpty()) {
                throw new ConnectorFileException(fileOrDir, "folder holds no *.json connector file");
            }
            return all;
        }
        return List.of(loadFile(fileOrDir));
    }

    /** As {@link #load(Path)}, with the overlay of environment {@code env} merged on when it is not null. */
    public List<ConnectorDefinition> load(Path fileOrDir, String env) {
        if (env == null) {
            return load(fileOrDir);
        }
        return EnvironmentOverlays.load(this, fileOrDir, env);
    }

    public ConnectorDefinition loadFile(Path file) {
        return fromJson(readTree(file), file);
    }

    static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new ConnectorFileException(dir, "cannot list folder: " + e.getMessage(), e);
        }
    }

    static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConnectorFileException(file, "no such file");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new ConnectorFileException(file, "expected a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ConnectorFileException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    static ConnectorDefinition fromJson(JsonNode root, Path file) {
        JsonNode configNode = root.has("config") ? root.get("config") : root;
        if (!configNode.isObject()) {
            throw new ConnectorFileException(file, "\"config\" must be a JSON object, got " + configNode.getNodeType());
        }
        Map<String, String> config = toConfigMap(configNode, file);
        String name = root.has("config") ? text(root.get("name")) : null;
        String nameInConfig = config.get("name");
        if (name != null && nameInConfig != null && !name.equals(nameInConfig)) {
            throw new ConnectorFileException(file, "\"name\" is '" + name + "' but config.name is '" + nameInConfig + "'");
        }
        if (name == null) {
            name = nameInConfig;
        }
        if (name == null || name.isBlank()) {
            throw new ConnectorFileException(file, "no connector name: give \"name\" (with \"config\") or a \"name\" key in the flat config");
        }
        return new ConnectorDefinition(name, config, file);
    }

    /** Connect configs are string maps: numbers and booleans are turned to their JSON text, nested objects refused. */
    static Map<String, String> toConfigMap(JsonNode node, Path file) {
        Map<String, String> config = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isContainerNode()) {
                throw new ConnectorFileException(file, "config key '" + e.getKey() + "' has a " + value.getNodeType()
                        + " value; Connect configs are strings (lists are comma-separated)");
            }
            config.put(e.getKey(), value.isNull() ? null : value.asText());
        });
        return config;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
