package io.ticketstream.streams.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Hides secret values when the effective configuration is logged. */
public final class SecretMasker {

    public static final String MASK = "[hidden]";

    /**
     * Passwords, secrets, JAAS configs (they embed passwords), tokens, credentials and keys
     * ({@code ssl.key.password}, {@code ssl.keystore.key}, {@code *.api.key}...). Serde class names such as
     * {@code default.key.serde} are not secrets and stay visible.
     */
    private static final Pattern SECRET = Pattern.compile(
            ".*(password|secret|jaas|token|credential|private|(^|\\.)key(\\.|$)|[a-z]key$|apikey|api\\.key).*");
    private static final Pattern NOT_SECRET = Pattern.compile(".*(serde|serializer|deserializer|\\.type|\\.algorithm)$");

    private SecretMasker() {
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET.matcher(k).matches() && !NOT_SECRET.matcher(k).matches();
    }

    /** A sorted copy with secret values replaced by {@value #MASK}. */
    public static Map<String, String> mask(Map<String, ?> config) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((k, v) -> out.put(k, isSecret(k) ? MASK : String.valueOf(v)));
        return out;
    }
}
