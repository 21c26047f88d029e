package io.ticketstream.ops.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a secret from an environment variable or a file, never from a command-line value: flags end up in
 * shell history, CI logs and {@code ps} output, an env var or a mounted secret file does not.
 */
public final class SecretSource {
    private final Map<String, String> environment;

    public SecretSource(Map<String, String> environment) {
        this.environment = environment;
    }

    public static SecretSource fromSystem() {
        return new SecretSource(System.getenv());
    }

    /**
     * @param what      what the secret is for, used in error messages (never the value)
     * @param envVar    name of the environment variable, or null
     * @param file      file whose content (trailing newline trimmed) is the secret, or null
     * @return the secret, empty when neither source is given
     * @throws IllegalArgumentException when a named source is missing or empty
     */
    public Optional<char[]> read(String what, String envVar, Path file) {
        if (envVar != null && file != null) {
            throw new IllegalArgumentException(what + ": give the secret either by environment variable or by file, not both");
        }
        if (envVar != null) {
            String value = environment.get(envVar);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(what + ": environment variable " + envVar + " is not set or empty");
            }
            return Optional.of(value.toCharArray());
        }
        if (file != null) {
            try {
                String value = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(what + ": secret file " + file + " is empty");
                }
                return Optional.of(value.toCharArray());
            } catch (IOException e) {
                throw new IllegalArgumentException(what + ": cannot read secret file " + file + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}
