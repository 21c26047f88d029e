package io.ticketstream.it.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketstream.testsupport.connect.PluginPath;

/** The overlay merge rule of connectors/README.md, and the shipped files against it. */
class ConnectorConfigsTest {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):[^}]+}");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|private\\.key|api\\.key|jaas\\.config|connection\\.string).*");

    @TempDir
    Path dir;

    @Test
    void anOverlaySetsAndRemovesKeysAndExcludesConnectors() throws IOException {
        base("a", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\",\"k\":\"base\",\"gone\":\"x\"}}");
        base("b", "{\"name\":\"b\",\"config\":{\"connector.class\":\"Y\"}}");
        env("dev", "{\"environment\":\"dev\",\"exclude\":[\"b\"],\"connectors\":{\"a\":{\"k\":\"dev\",\"gone\":null,\"n\":3}}}");

        Map<String, Map<String, String>> merged = ConnectorConfigs.load(dir).forEnvironment("dev");

        assertEquals(Set.of("a"), merged.keySet());
        assertEquals(Map.of("connector.class", "X", "k", "dev", "n", "3"), merged.get("a"));
    }

    @Test
    void anOverlayNamingAConnectorWithNoBaseFileIsRejected() throws IOException {
        base("a", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\"}}");
        env("dev", "{\"environment\":\"dev\",\"connectors\":{\"braze-usres\":{\"k\":\"v\"}}}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectorConfigs.load(dir).forEnvironment("dev"));
        assertTrue(error.getMessage().contains("'braze-usres'"), error.getMessage());
    }

    @Test
    void anOverlayForAnotherEnvironmentOrWithUnknownKeysIsRejected() throws IOException {
        base("a", "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\"}}");
        env("dev", "{\"environment\":\"prod\"}");
        env("qa", "{\"environment\":\"qa\",\"conectors\":{}}");

        ConnectorConfigs configs = ConnectorConfigs.load(dir);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> configs.forEnvironment("dev")).getMessage()
                .contains("\"environment\" is 'prod'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> configs.forEnvironment("qa")).getMessage()
                .contains("unknown top-level key 'conectors'"));
    }

    @Test
    void aBaseFileWhoseNameDiffersFromItsFileNameIsRejected() throws IOException {
        base("a", "{\"name\":\"b\",\"config\":{}}");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectorConfigs.load(dir)).getMessage()
                .contains("\"name\" is 'b'"));
    }

    @Test
    void theShippedFilesMergeForEveryEnvironmentAndKeepEverySecretBehindAReference() throws IOException {
        ConnectorConfigs configs = ConnectorConfigs.ofProject();
        String readme = Files.readString(PluginPath.projectRoot().resolve("connectors/README.md"));
        Set<String> references = new TreeSet<>();
        assertEquals(Set.of("docker", "local", "prod-eu", "prod-us"), new TreeSet<>(configs.environments()));
        for (String environment : configs.environments()) {
            Map<String, Map<String, String>> merged = configs.forEnvironment(environment);
            assertFalse(merged.isEmpty(), environment);
            merged.forEach((name, config) -> config.forEach((key, value) -> {
                if (SECRET_KEY.matcher(key).matches()) {
                    assertTrue(REFERENCE.matcher(value).matches(), environment + "/" + name + " " + key
                            + " must be a ${env:..} or ${file:..} reference, not a literal");
                }
                Matcher reference = REFERENCE.matcher(value);
                while (reference.find()) {
                    references.add(reference.group());
                }
            }));
        }
        for (String reference : references) {
            assertTrue(readme.contains(reference), "connectors/README.md does not document " + reference);
        }
    }

    private void base(String name, String json) throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/" + name + ".json"), json);
    }

    private void env(String name, String json) throws IOException {
        Files.createDirectories(dir.resolve("env"));
        Files.writeString(dir.resolve("env/" + name + ".json"), json);
    }
}
