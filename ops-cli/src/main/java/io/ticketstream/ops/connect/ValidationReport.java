package io.ticketstream.ops.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The answer of {@code PUT /connector-plugins/{class}/config/validate}: per-field error messages and which keys
 * the plugin declares as {@code PASSWORD} (so their values are masked when shown).
 */
public final class ValidationReport {
    private final Map<String, List<String>> errors;
    private final Set<String> passwordKeys;

    private ValidationReport(Map<String, List<String>> errors, Set<String> passwordKeys) {
        this.errors = errors;
        this.passwordKeys = passwordKeys;
    }

    public static ValidationReport parse(JsonNode response) {
        Map<String, List<String>> errors = new TreeMap<>();
        Set<String> passwords = new LinkedHashSet<>();
        for (JsonNode config : response.path("configs")) {
            JsonNode definition = config.path("definition");
            JsonNode value = config.path("value");
            String name = value.path("name").asText(definition.path("name").asText());
            if ("PASSWORD".equals(definition.path("type").asText())) {
                passwords.add(name);
            }
            List<String> messages = new java.util.ArrayList<>();
            value.path("errors").forEach(m -> messages.add(m.asText()));
            if (!messages.isEmpty()) {
                errors.put(name, List.copyOf(messages));
            }
        }
        return new ValidationReport(errors, passwords);
    }

    /** Field name to its error messages; fields without errors are absent. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    public Set<String> passwordKeys() {
        return passwordKeys;
    }

    /** The errors that remain once the fields the operator expects to fail (e.g. an unreachable database host) are set aside. */
    public Map<String, List<String>> errorsExcept(Collection<String> allowedFields) {
        Map<String, List<String>> remaining = new LinkedHashMap<>(errors);
        allowedFields.forEach(remaining::remove);
        return remaining;
    }
}
