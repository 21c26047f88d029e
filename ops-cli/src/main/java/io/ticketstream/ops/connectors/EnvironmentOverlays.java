package io.ticketstream.ops.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-environment layout of {@code connectors/} (its README is the contract):
 * {@code base/<name>.json} holds each connector, {@code env/<environment>.json} holds what differs in one
 * environment — an {@code exclude} list and, per connector, keys set on top of the base ({@code null} removes a key).
 * Typos are errors: unknown connector names, an {@code environment} that differs from the file name, unknown keys.
 */
final class EnvironmentOverlays {
    static final String BASE_DIR = "base";
    static final String ENV_DIR = "env";
    private static final Set<String> OVERLAY_KEYS = Set.of("environment", "description", "exclude", "connectors");

    private EnvironmentOverlays() {
    }

    /** True for the root of the layout (a folder holding {@code base/}), where an environment must be chosen. */
    static boolean isLayoutRoot(Path dir) {
        return Files.isDirectory(dir.resolve(BASE_DIR));
    }

    static List<String> environments(Path root) {
        Path envDir = root.resolve(ENV_DIR);
        if (!Files.isDirectory(envDir)) {
            return List.of();
        }
        return ConnectorFileLoader.jsonFiles(envDir).stream().map(p -> stem(p)).toList();
    }

    /**
     * @param fileOrDir the layout root ({@code connectors/}), its {@code base/} folder, or one base file
     */
    static List<ConnectorDefinition> load(ConnectorFileLoader loader, Path fileOrDir, String env) {
        Path baseDir;
        Path single = null;
        if (Files.isDirectory(fileOrDir) && isLayoutRoot(fileOrDir)) {
            baseDir = fileOrDir.resolve(BASE_DIR);
        } else if (Files.isDirectory(fileOrDir)) {
            baseDir = fileOrDir;
        } else {
            single = fileOrDir;
            baseDir = fileOrDir.toAbsolutePath().getParent();
        }
        Path root = baseDir.toAbsolutePath().getParent();
        Path overlayFile = root.resolve(ENV_DIR).resolve(env + ".json");
        if (!Files.isRegularFile(overlayFile)) {
            throw new ConnectorFileException(overlayFile, "no overlay for environment '" + env + "' (known: "
                    + environments(root) + ")");
        }

        Map<String, ConnectorDefinition> bases = new LinkedHashMap<>();
        for (Path file : ConnectorFileLoader.jsonFiles(baseDir)) {
            ConnectorDefinition definition = loader.loadFile(file);
            if (!definition.name().equals(stem(file))) {
                throw new ConnectorFileException(file, "file name must be the connector name '" + definition.name() + "'");
            }
            bases.put(definition.name(), definition);
        }
        Overlay overlay = Overlay.parse(ConnectorFileLoader.readTree(overlayFile), overlayFile, env, bases.keySet());

        List<ConnectorDefinition> result = new ArrayList<>();
        for (ConnectorDefinition base : bases.values()) {
            if (single != null && !base.source().toAbsolutePath().equals(single.toAbsolutePath())) {
                continue;
            }
            if (overlay.exclude().contains(base.name())) {
                if (single != null) {
                    throw new ConnectorFileException(single, "connector '" + base.name() + "' is excluded in environment '" + env + "'");
                }
                continue;
            }
            result.add(merge(base, overlay.connectors().getOrDefault(base.name(), Map.of())));
        }
        return result;
    }

    /** Base config, then each overlay key on top; a null overlay value removes the key. */
    static ConnectorDefinition merge(ConnectorDefinition base, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(base.config());
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        return new ConnectorDefinition(base.name(), config, base.source());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    record Overlay(Set<String> exclude, Map<String, Map<String, String>> connectors) {

        static Overlay parse(JsonNode root, Path file, String env, Set<String> known) {
            Set<String> unknownKeys = new TreeSet<>();
            root.fieldNames().forEachRemaining(k -> {
                if (!OVERLAY_KEYS.contains(k)) {
                    unknownKeys.add(k);
                }
            });
            if (!unknownKeys.isEmpty()) {
                throw new ConnectorFileException(file, "unknown top-level key(s) " + unknownKeys + "; allowed: " + new TreeSet<>(OVERLAY_KEYS));
            }
            String declared = root.path("environment").asText(null);
            if (!env.equals(declared)) {
                throw new ConnectorFileException(file, "\"environment\" is '" + declared + "' but the file is for '" + env + "'");
            }
            Set<String> exclude = new LinkedHashSet<>();
            root.path("exclude").forEach(n -> exclude.add(n.asText()));
            Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
            root.path("connectors").fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) {
                    throw new ConnectorFileException(file, "connectors." + e.getKey() + " must be an object of config keys");
                }
                connectors.put(e.getKey(), ConnectorFileLoader.toConfigMap(e.getValue(), file));
            });
            Set<String> typos = new TreeSet<>(exclude);
            typos.addAll(connectors.keySet());
            typos.removeAll(known);
            if (!typos.isEmpty()) {
                throw new ConnectorFileException(file, "no base/<name>.json for " + typos + " (known: " + new TreeSet<>(known) + ")");
            }
            return new Overlay(exclude, connectors);
        }
    }
}
