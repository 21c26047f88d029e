package io.ticketstream.ops.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code --set CONNECTOR:KEY=VALUE}: a config key of one connector set on top of the files and the
 * environment overlay, for values no committed file can know (ports chosen at start-up, a CI run's hosts).
 * The connector name ends at the first {@code :}, the key at the first {@code =} after it; the value is the rest,
 * verbatim, so it may hold {@code :} and {@code =} (URLs, JDBC strings, {@code ${env:...}} references, which are
 * never resolved here). It only sets: removing a key is the overlay's job ({@code null} there).
 */
public record ConfigOverride(String connector, String key, String value) {
    public static final String FORMAT = "CONNECTOR:KEY=VALUE";
    private static final SecretMasker BY_KEY_NAME = new SecretMasker(Set.of());

    /** @throws IllegalArgumentException naming the malformed argument, its value masked when the key says secret */
    public static ConfigOverride parse(String text) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        if (colon < 0 || (equals >= 0 && equals < colon)) {
            throw malformed(text, "the connector name and ':' come first");
        }
        if (colon == 0) {
            throw malformed(text, "no connector name before ':'");
        }
        int keyEquals = text.indexOf('=', colon + 1);
        if (keyEquals < 0) {
            throw malformed(text, "no '=' after the key");
        }
        String key = text.substring(colon + 1, keyEquals);
        if (key.isBlank()) {
            throw malformed(text, "no key between ':' and '='");
        }
        if (key.equals("name")) {
            throw malformed(text, "the connector name is the file's, it cannot be set");
        }
        return new ConfigOverride(text.substring(0, colon), key, text.substring(keyEquals + 1));
    }

    /**
     * Each override set on its connector, in the order given (a later one for the same key wins).
     *
     * @throws IllegalArgumentException for an override naming a connector that is not among {@code loaded}
     */
    public static List<ConnectorDefinition> applyAll(List<ConnectorDefinition> loaded, List<ConfigOverride> overrides) {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        loaded.forEach(c -> configs.put(c.name(), new LinkedHashMap<>(c.config())));
        for (ConfigOverride override : overrides) {
            Map<String, String> config = configs.get(override.connector());
            if (config == null) {
                throw new IllegalArgumentException("--set " + override.connector() + ":" + override.key()
                        + ": unknown connector '" + override.connector() + "' (loaded: " + new TreeSet<>(configs.keySet()) + ")");
            }
            config.put(override.key(), override.value());
        }
        return loaded.stream()
                .map(c -> new ConnectorDefinition(c.name(), configs.get(c.name()), c.source()))
                .toList();
    }

    /** As typed, with a secret value masked: this may end up in logs. */
    @Override
    public String toString() {
        return connector + ":" + key + "=" + BY_KEY_NAME.show(key, value);
    }

    private static IllegalArgumentException malformed(String text, String reason) {
        return new IllegalArgumentException("'" + masked(text) + "' is not " + FORMAT + ": " + reason);
    }

    /** The argument as typed, except a value after '=' whose key names a secret (e.g. {@code db.password=...}). */
    private static String masked(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            return text;
        }
        String before = text.substring(0, equals);
        String key = before.substring(before.indexOf(':') + 1);
        return before + "=" + BY_KEY_NAME.show(key, text.substring(equals + 1));
    }
}
