package io.ticketstream.ops.connectors;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how a config value may be shown. Config-provider references ({@code ${file:...}}, {@code ${env:...}})
 * are shown as written: they are pointers, not secrets, and seeing them is how a reviewer checks the wiring.
 * Literal values of keys the plugin declares as PASSWORD, or whose names say they are secret, are masked.
 */
public final class SecretMasker {
    public static final String MASK = "********";
    // For plugins that do not declare a key as PASSWORD (or when validate was not called): mask by name too.
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|secret|api[._-]?key|private[._-]?key|passphrase|token|credentials?)$");

    private static final Pattern EMBEDDED_PASSWORD = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token)\\s*=\\s*)(\"[^\"]*\"|'[^']*'|\\$\\{[^}]*}|[^;&,\\s\"]+)");
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^:/@\\s]+:)(\\$\\{[^}]*}|[^@/\\s]+)@");

    private final Set<String> passwordKeys;

    public SecretMasker(Set<String> passwordKeys) {
        this.passwordKeys = Set.copyOf(passwordKeys);
    }

    public static boolean isProviderReference(String value) {
        return ConfigReferences.isWholeReference(value);
    }

    public boolean isSecretKey(String key) {
        return passwordKeys.contains(key) || SECRET_NAME.matcher(key).matches();
    }

    /** True for a secret key holding a literal: worth a warning, the secret should come from a config provider. */
    public boolean isLiteralSecret(String key, String value) {
        return isSecretKey(key) && value != null && !value.isEmpty() && !isProviderReference(value);
    }

    public String show(String key, String value) {
        if (value == null) {
            return "null";
        }
        if (isLiteralSecret(key, value)) {
            return MASK;
        }
        return maskEmbedded(value);
    }

    /**
     * Secrets inside a value of a key that is not itself secret: {@code password="..."} in a JAAS config,
     * {@code password=...} in a JDBC URL or connection string, {@code user:pass@} in a URL. References stay visible.
     */
    static String maskEmbedded(String value) {
        String masked = EMBEDDED_PASSWORD.matcher(value).replaceAll(m -> isProviderReference(m.group(2).replaceAll("^[\"']|[\"']$", ""))
                ? java.util.regex.Matcher.quoteReplacement(m.group())
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        return URL_USERINFO.matcher(masked).replaceAll(m -> isProviderReference(m.group(2))
                ? java.util.regex.Matcher.quoteReplacement(m.group())
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }
}
