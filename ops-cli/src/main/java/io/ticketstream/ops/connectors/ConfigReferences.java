package io.ticketstream.ops.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config-provider references ({@code ${env:NAME}}, {@code ${file:/path:key}}) inside a config value: the same
 * syntax Connect's {@code ConfigTransformer} resolves on the worker.
 */
public final class ConfigReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)}");

    private ConfigReferences() {
    }

    /** Every reference in the value, as written. */
    public static List<String> find(String value) {
        List<String> found = new ArrayList<>();
        if (value != null) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** True when the whole value is one reference (a pointer to a secret, not a secret). */
    public static boolean isWholeReference(String value) {
        return value != null && REFERENCE.matcher(value.strip()).matches();
    }

    /** Why a reference stays unresolved, in the words an operator can act on. */
    public static String whyUnresolved(String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            return "not a config-provider reference";
        }
        String provider = m.group(1);
        String key = m.group(4);
        String path = m.group(3);
        if ("env".equals(provider)) {
            return "environment variable " + key + " is not set on the worker (or the worker has no 'env' config provider)";
        }
        if ("file".equals(provider)) {
            return "file " + path + " has no key " + key + " on the worker, is not readable or not allowed "
                    + "(config.providers.file.param.allowed.paths), or the worker has no 'file' config provider";
        }
        return "config provider '" + provider + "' has no value for " + (path == null ? "" : path + ":") + key
                + ", or the worker has no such provider (config.providers)";
    }
}
