package io.ticketstream.it.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code connectors/}: {@code base/<name>.json} plus {@code env/<environment>.json} overlays, merged by the rule
 * written in {@code connectors/README.md} (the same rule the deployment CLI applies). Strict: anything the rule does
 * not allow fails with the file and the reason, so a typo in an overlay cannot silently deploy the base value.
 *
 * <p>References such as {@code ${env:X}} are kept verbatim: the worker's config providers resolve them.
 */
public final class ConnectorConfigs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OVERLAY_KEYS = Set.of("environment", "description", "exclude", "connectors");

    private final Path root;
    private final Map<String, Map<String, String>> base;

    private ConnectorConfigs(Path root, Map<String, Map<String, String>> base) {
        this.root = root;
        this.base = base;
    }

    /** The {@code connectors/} folder of the project this test runs in. */
    public static ConnectorConfigs ofProject() {
        String configured = System.getProperty("ticketstream.project.root");
        Path projectRoot = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath().normalize()
                : io.ticketstream.testsupport.connect.PluginPath.projectRoot();
        return load(projectRoot.resolve("connectors"));
    }

    public static ConnectorConfigs load(Path connectorsDir) {
        Map<String, Map<String, String>> base = new TreeMap<>();
        for (Path file : jsonFiles(connectorsDir.resolve("base"))) {
            JsonNode root = read(file);
            String fileName = file.getFileName().toString().replaceFirst("\\.json$", "");
            String name = root.path("name").asText(null);
            if (!fileName.equals(name)) {
                throw new IllegalArgumentException(file + ": \"name\" is '" + name + "' but the file name says '"
                        + fileName + "'");
            }
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw new IllegalArgumentException(file + ": \"config\" must be a JSON object");
            }
            Map<String, String> values = new LinkedHashMap<>();
            config.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    throw new IllegalArgumentException(file + ": key '" + e.getKey() + "' is null; leave it out");
                }
                values.put(e.getKey(), text(file, e.getKey(), e.getValue()));
            });
            base.put(name, values);
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException(connectorsDir.resolve("base") + " holds no connector JSON");
        }
        return new ConnectorConfigs(connectorsDir, base);
    }

    public Set<String> baseNames() {
        return base.keySet();
    }

    /** Environments with an overlay file, sorted. */
    public List<String> environments() {
        List<String> names = new ArrayList<>();
        for (Path file : jsonFiles(root.resolve("env"))) {
            names.add(file.getFileName().toString().replaceFirst("\\.json$", ""));
        }
        return names;
    }

    /** Connector name to merged config for every connector deployed in {@code environment}. */
    public Map<String, Map<String, String>> forEnvironment(String environment) {
        Path file = root.resolve("env").resolve(environment + ".json");
        JsonNode overlay = read(file);
        for (Iterator<String> keys = overlay.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!OVERLAY_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown top-level key '" + key + "' (allowed: "
                        + OVERLAY_KEYS + ")");
            }
        }
        if (!environment.equals(overlay.path("environment").asText(null))) {
            throw new IllegalArgumentException(file + ": \"environment\" is '" + overlay.path("environment").asText(null)
                    + "' but the file name says '" + environment + "'");
        }
        List<String> excluded = new ArrayList<>();
        overlay.path("exclude").forEach(name -> excluded.add(knownName(file, name.asText())));

        Map<String, Map<String, String>> merged = new TreeMap<>();
        base.forEach((name, config) -> {
            if (!excluded.contains(name)) {
                merged.put(name, new LinkedHashMap<>(config));
            }
        });
        JsonNode overrides = overlay.path("connectors");
        overrides.fields().forEachRemaining(entry -> {
            String name = knownName(file, entry.getKey());
            Map<String, String> config = merged.get(name);
            if (config == null) {
                throw new IllegalArgumentException(file + ": overrides connector '" + name + "' that it also excludes");
            }
            entry.getValue().fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    config.remove(e.getKey());
                } else {
                    config.put(e.getKey(), text(file, e.getKey(), e.getValue()));
                }
            });
        });
        return merged;
    }

    private String knownName(Path file, String name) {
        if (!base.containsKey(name)) {
            throw new IllegalArgumentException(file + ": names connector '" + name + "' but there is no base/" + name
                    + ".json (known: " + base.keySet() + ")");
        }
        return name;
    }

    private static String text(Path file, String key, JsonNode value) {
        if (value.isContainerNode()) {
            throw new IllegalArgumentException(file + ": key '" + key + "' has a " + value.getNodeType()
                    + " value; Connect configs are strings");
        }
        return value.isNull() ? null : value.asText();
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
