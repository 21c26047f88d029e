package io.ticketstream.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders a {@link ConfigDef} as a Markdown reference and checks that the committed copy is current,
 * so a module's config documentation can never drift from its code (the Aiven connectors' practice).
 *
 * <p>Usage in a module's test: {@code ConfigDocs.assertUpToDate(Path.of("docs/config.md"), "# Title", defs...)}.
 * Run the test with {@code -Dticketstream.docs.write=true} to rewrite the file instead of failing.
 */
public final class ConfigDocs {

    public static final String WRITE_PROPERTY = "ticketstream.docs.write";

    private ConfigDocs() {
    }

    /** One Markdown section: a heading and a table of every key in definition order. */
    public static String section(String heading, ConfigDef def) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append("\n\n");
        out.append("| Key | Type | Default | Valid values | Importance | Description |\n");
        out.append("|---|---|---|---|---|---|\n");
        List<ConfigDef.ConfigKey> keys = def.configKeys().values().stream().collect(Collectors.toList());
        for (ConfigDef.ConfigKey key : keys) {
            out.append("| `").append(key.name).append("` | ")
                    .append(key.type.name().toLowerCase()).append(" | ")
                    .append(defaultOf(key)).append(" | ")
                    .append(key.validator == null ? "" : escape(key.validator.toString())).append(" | ")
                    .append(key.importance.name().toLowerCase()).append(" | ")
                    .append(escape(key.documentation == null ? "" : key.documentation)).append(" |\n");
        }
        return out.append('\n').toString();
    }

    /**
     * Fails with a message saying how to regenerate when {@code file} differs from {@code expected};
     * rewrites it when the system property {@value #WRITE_PROPERTY} is true.
     */
    public static void assertUpToDate(Path file, String expected) {
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return;
            }
            String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!actual.equals(expected)) {
                throw new AssertionError(file + " is out of date with the ConfigDef it documents; regenerate it with "
                        + "-D" + WRITE_PROPERTY + "=true on this test and commit the result");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read or write " + file, e);
        }
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return key.defaultValue == null ? "null" : "[hidden]";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "null";
        }
        String text = value instanceof List ? ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + escape(text) + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
