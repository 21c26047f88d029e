package io.ticketstream.it.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's Connect worker reads its {@code ${env:...}} values from the connect.env that
 * docker/init-secrets.sh generates: every variable the connectors of {@code --env docker} use must be in it (the
 * Braze subscription group ids were not), and compose's connectors-apply must use an environment that exists.
 */
class ComposeSecretsTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");

    @TempDir Path secrets;

    @Test
    void connectEnvHoldsEveryVariableTheDockerEnvironmentUses() throws Exception {
        Path root = PluginPath.projectRoot();
        Process init = new ProcessBuilder("bash", root.resolve("docker/init-secrets.sh").toString(), secrets.toString())
                .redirectErrorStream(true).start();
        String log = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(init.waitFor(60, TimeUnit.SECONDS) && init.exitValue() == 0, log);
        Set<String> defined = new TreeSet<>();
        for (String line : Files.readAllLines(secrets.resolve("connect.env"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=") && !line.endsWith("=")) {
                defined.add(line.substring(0, line.indexOf('=')));
            }
        }
        Map<String, String> missing = new TreeMap<>();
        ConnectorConfigs.ofProject().forEnvironment("docker").forEach((connector, config) -> config.forEach((key, value) -> {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                if (!defined.contains(m.group(1))) {
                    missing.put(m.group(1), connector + " " + key);
                }
            }
        }));
        assertEquals(Map.of(), missing, "variables used by connectors/ --env docker but absent from connect.env " + defined);

        String compose = Files.readString(root.resolve("docker-compose.yml"));
        Matcher env = Pattern.compile("\"--env\", \"\\$\\{TICKETSTREAM_CONNECT_ENV:-([a-z0-9-]+)}\"").matcher(compose);
        assertTrue(env.find(), "connectors-apply passes --env");
        assertTrue(Files.exists(root.resolve("connectors/env/" + env.group(1) + ".json")), "connectors-apply's default --env " + env.group(1) + " exists");
    }
}
