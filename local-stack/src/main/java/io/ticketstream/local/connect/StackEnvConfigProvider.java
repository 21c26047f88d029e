package io.ticketstream.local.connect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.ticketstream.local.StackSecrets;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * The local worker's {@code env} config provider: the environment the connectors of {@code connectors/} expect
 * ({@code ${env:AURORA_CDC_PASSWORD}}, {@code ${env:BRAZE_API_KEY}}, the subscription group ids), answered from the
 * local stack's generated secrets file, as a production worker answers them from its process environment (a
 * Kubernetes secret, a systemd EnvironmentFile, compose's {@code connect.env}). An in-process worker cannot be
 * given environment variables, hence this provider in place of Kafka's {@code EnvVarConfigProvider}; any other
 * variable is read from this process's real environment, like Kafka's.
 *
 * <p>So the stack submits the shipped JSON unchanged, and {@code ticketstream ops apply connectors/ --env local}
 * against the running stack finds nothing to change. Values are read from the file on each lookup and never logged.
 */
public final class StackEnvConfigProvider implements ConfigProvider {

    /** Worker property {@code config.providers.env.param.secrets.file}: the stack's secrets properties file. */
    public static final String SECRETS_FILE = "secrets.file";

    private Path secretsFile;

    @Override
    public void configure(Map<String, ?> configs) {
        Object file = configs.get(SECRETS_FILE);
        if (file == null) {
            throw new ConfigException(SECRETS_FILE, null, "the local stack's secrets file must be given");
        }
        secretsFile = Path.of(file.toString());
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of()); // no listing of the environment
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        if (path != null && !path.isEmpty()) {
            return new ConfigData(Map.of()); // ${env:NAME} has no path, as with Kafka's EnvVarConfigProvider
        }
        Properties secrets = load();
        Map<String, String> found = new HashMap<>();
        for (String variable : keys) {
            String secretKey = StackSecrets.ENV_REFERENCES.get(variable);
            String value = secretKey != null ? secrets.getProperty(secretKey) : System.getenv(variable);
            if (value != null) {
                found.put(variable, value);
            }
        }
        return new ConfigData(found);
    }

    private Properties load() {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read the local stack's secrets file " + secretsFile + ": " + e.getMessage());
        }
        return props;
    }

    @Override
    public void close() {
    }
}
