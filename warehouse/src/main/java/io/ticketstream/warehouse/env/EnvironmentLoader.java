package io.ticketstream.warehouse.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.warehouse.Dialect;
import io.ticketstream.warehouse.env.WarehouseEnvironment.Secret;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Reads {@code <dir>/<environment>.json}. Values may be {@code ${env:NAME}} or {@code ${file:PATH:KEY}} references,
 * resolved with Kafka's own config providers exactly as a Connect worker resolves the connectors' secrets; a
 * reference that cannot be resolved stays as written and fails only when the value is used. Unknown keys are
 * errors (a typo must not silently drop a setting), and so is an {@code environment} that differs from the file name.
 */
public final class EnvironmentLoader {

    private static final Set<String> KEYS = Set.of("environment", "description", "dialect", "url", "user", "password",
            "privateKey", "privateKeyPassphrase", "parameters", "kafka");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public EnvironmentLoader(Path directory) {
        this.directory = directory;
    }

    /** The environments there are, by file name. */
    public List<String> names() throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    public WarehouseEnvironment load(String environment) throws IOException {
        Path file = directory.resolve(environment + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown environment '" + environment + "': no " + file
                    + (Files.isDirectory(directory) ? " (there are: " + names() + ")" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        if (!environment.equals(root.path("environment").asText())) {
            throw new IllegalArgumentException(file + ": \"environment\" is '" + root.path("environment").asText()
                    + "', expected '" + environment + "' (the file name)");
        }
        Dialect dialect = Dialect.parse(required(root, "dialect", file));
        return new WarehouseEnvironment(environment, root.path("description").asText(""), dialect,
                required(root, "url", file), required(root, "user", file),
                secret(root, "password"), secret(root, "privateKey"), secret(root, "privateKeyPassphrase"),
                strings(root.path("parameters"), false), new LinkedHashMap<String, Object>(strings(root.path("kafka"), true)));
    }

    private static String required(JsonNode root, String key, Path file) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": \"" + key + "\" is required (text)");
        }
        return value.asText();
    }

    private static Optional<Secret> secret(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Secret(key, value.asText(), resolve(value.asText())));
    }

    private static Map<String, String> strings(JsonNode object, boolean resolve) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), resolve ? resolve(e.getValue().asText()) : e.getValue().asText());
        }
        return out;
    }

    /** Kafka's ConfigTransformer with the env and file providers; an unresolvable reference is left as written. */
    static String resolve(String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Map<String, ConfigProvider> providers = Map.of("env", new EnvVarConfigProvider(), "file", new FileConfigProvider());
        providers.values().forEach(p -> p.configure(Map.of()));
        try {
            return new ConfigTransformer(providers).transform(Map.of("v", value)).data().get("v");
        } catch (RuntimeException e) {
            return value; // e.g. a file that does not exist: reported by Secret.value() when the value is needed
        } finally {
            providers.values().forEach(p -> {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // nothing held open
                }
            });
        }
    }
}
