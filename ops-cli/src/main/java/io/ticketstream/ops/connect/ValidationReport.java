package io.ticketstream.ops.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketstream.ops.connectors.ConfigReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The answer of {@code PUT /connector-plugins/{class}/config/validate}, read against the config that was sent:
 * per-field errors, which keys the plugin declares as {@code PASSWORD} (so their values are masked when shown), and
 * two checks Connect does not make:
 * <ul>
 *   <li>unknown keys: the answer lists every key the worker knows for this config (the plugin's ConfigDef,
 *       Connect's own keys, each transform's, predicate's and converter's keys under its prefix, and the client
 *       overrides it checked); a key sent but not listed, or listed without a definition, is read by nobody, a typo
 *       that would otherwise pass silently. The error names the closest known key ({@link UnknownKeys} says where
 *       the answer is complete enough for an error, and where only for a warning);</li>
 *   <li>unresolved variables: references the worker cannot resolve (variable not set, or no such config provider),
 *       found by {@link ReferenceProbe}, which would otherwise surface as a failed task with a misleading parse
 *       error.</li>
 * </ul>
 */
public final class ValidationReport {
    private final Map<String, List<String>> errors;
    private final Map<String, String> warnings;
    private final Set<String> passwordKeys;
    private final Set<String> knownKeys;

    private ValidationReport(Map<String, List<String>> errors, Map<String, String> warnings, Set<String> passwordKeys,
                             Set<String> knownKeys) {
        this.errors = errors;
        this.warnings = warnings;
        this.passwordKeys = passwordKeys;
        this.knownKeys = knownKeys;
    }

    /** Validates {@code config} on the worker, unresolved references included ({@link ReferenceProbe}). */
    public static ValidationReport of(ConnectClient client, String connectorClass, Map<String, String> config) {
        return parse(client.validate(connectorClass, config), config,
                ReferenceProbe.unresolved(client, connectorClass, config));
    }

    /** @param unresolvedReferences references the worker leaves unresolved: an error on every key that uses one */
    public static ValidationReport parse(JsonNode response, Map<String, String> submitted, Set<String> unresolvedReferences) {
        Map<String, List<String>> errors = new TreeMap<>();
        Map<String, String> warnings = new TreeMap<>();
        String connectorClass = submitted.getOrDefault("connector.class", "");
        Set<String> passwords = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        for (JsonNode config : response.path("configs")) {
            JsonNode definition = config.path("definition");
            JsonNode value = config.path("value");
            String name = value.path("name").asText(definition.path("name").asText());
            if (definition.hasNonNull("name")) {
                known.add(name);
            }
            if ("PASSWORD".equals(definition.path("type").asText())) {
                passwords.add(name);
            }
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(name, messages);
            }
        }
        submitted.forEach((key, sent) -> {
            if (!known.contains(key)) {
                String closest = KeySuggestion.closest(key, known);
                String hint = closest == null ? "" : " (did you mean '" + closest + "'?)";
                switch (UnknownKeys.classify(connectorClass, key)) {
                    case ERROR -> add(errors, key, "unknown key: neither the plugin nor Connect reads it" + hint);
                    case WARNING -> warnings.put(key, "not declared by the plugin: a typo, or a key it reads undeclared" + hint);
                    case PASSTHROUGH -> { }
                }
            }
            for (String reference : ConfigReferences.find(sent)) {
                if (unresolvedReferences.contains(reference)) {
                    add(errors, key, "unresolved variable " + reference + " on the worker: "
                            + ConfigReferences.whyUnresolved(reference));
                }
            }
        });
        errors.replaceAll((k, v) -> List.copyOf(v));
        return new ValidationReport(errors, warnings, passwords, known);
    }

    private static void add(Map<String, List<String>> errors, String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    /** Field name to its error messages; fields without errors are absent. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    /** Keys a third-party plugin does not declare: shown loudly, not blocking (see {@link UnknownKeys}). */
    public Map<String, String> warnings() {
        return warnings;
    }

    public Set<String> passwordKeys() {
        return passwordKeys;
    }

    /** Every key the worker listed with a definition for this config. */
    public Set<String> knownKeys() {
        return knownKeys;
    }

    /** The errors that remain once the fields the operator expects to fail (e.g. an unreachable database host) are set aside. */
    public Map<String, List<String>> errorsExcept(Collection<String> allowedFields) {
        Map<String, List<String>> remaining = new LinkedHashMap<>(errors);
        allowedFields.forEach(remaining::remove);
        return remaining;
    }
}
