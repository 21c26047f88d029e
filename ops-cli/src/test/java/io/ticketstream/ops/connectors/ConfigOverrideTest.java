package io.ticketstream.ops.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --set CONNECTOR:KEY=VALUE}: how it splits, what it refuses, and that it touches only its connector. */
class ConfigOverrideTest {

    private static ConnectorDefinition connector(String name, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "X");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return new ConnectorDefinition(name, config, Path.of(name + ".json"));
    }

    @Test
    void setsTheKeyOfTheNamedConnectorOnly() {
        List<ConnectorDefinition> loaded = List.of(
                connector("cdc", "database.port", "5432", "tasks.max", "1"),
                connector("warehouse", "database.port", "5432"));

        List<ConnectorDefinition> result = ConfigOverride.applyAll(loaded, List.of(
                ConfigOverride.parse("cdc:database.port=55432"),
                ConfigOverride.parse("cdc:slot.name=ci_run_17")));

        assertEquals(Map.of("connector.class", "X", "name", "cdc", "database.port", "55432", "tasks.max", "1",
                "slot.name", "ci_run_17"), result.get(0).config());
        assertEquals(loaded.get(1).config(), result.get(1).config(), "the other connector is untouched");
        assertEquals(List.of("cdc", "warehouse"), result.stream().map(ConnectorDefinition::name).toList());
        assertEquals(Path.of("cdc.json"), result.get(0).source());
    }

    @Test
    void aLaterSetOfTheSameKeyWins() {
        List<ConnectorDefinition> result = ConfigOverride.applyAll(List.of(connector("cdc")), List.of(
                ConfigOverride.parse("cdc:tasks.max=2"), ConfigOverride.parse("cdc:tasks.max=3")));
        assertEquals("3", result.get(0).config().get("tasks.max"));
    }

    @Test
    void splitsAtTheFirstColonAndTheFirstEqualsAfterItSoValuesKeepColonsAndEquals() {
        assertEquals(new ConfigOverride("braze-users", "braze.rest.url", "http://127.0.0.1:41234/path?a=b&c=d"),
                ConfigOverride.parse("braze-users:braze.rest.url=http://127.0.0.1:41234/path?a=b&c=d"));
        assertEquals(new ConfigOverride("cdc", "database.password", "${file:/run/secrets/db.properties:password}"),
                ConfigOverride.parse("cdc:database.password=${file:/run/secrets/db.properties:password}"),
                "references are kept verbatim, never resolved");
        assertEquals(new ConfigOverride("cdc", "topic.prefix", ""), ConfigOverride.parse("cdc:topic.prefix="),
                "an empty value is a value");
        assertEquals(new ConfigOverride("sink", "transforms.route.regex", "(.*):v1=x"),
                ConfigOverride.parse("sink:transforms.route.regex=(.*):v1=x"));
    }

    @Test
    void unknownConnectorIsRefusedNamingItAndTheLoadedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigOverride.applyAll(
                List.of(connector("warehouse"), connector("cdc")),
                List.of(ConfigOverride.parse("cdcc:database.password=hunter2"))));
        assertEquals("--set cdcc:database.password: unknown connector 'cdcc' (loaded: [cdc, warehouse])", e.getMessage());
    }

    @Test
    void malformedArgumentsAreRefusedNamingTheArgument() {
        assertEquals("'tasks.max=2' is not CONNECTOR:KEY=VALUE: the connector name and ':' come first", malformed("tasks.max=2"));
        assertEquals("'cdc' is not CONNECTOR:KEY=VALUE: the connector name and ':' come first", malformed("cdc"));
        assertEquals("'cdc:tasks.max' is not CONNECTOR:KEY=VALUE: no '=' after the key", malformed("cdc:tasks.max"));
        assertEquals("':tasks.max=2' is not CONNECTOR:KEY=VALUE: no connector name before ':'", malformed(":tasks.max=2"));
        assertEquals("'cdc:=2' is not CONNECTOR:KEY=VALUE: no key between ':' and '='", malformed("cdc:=2"));
        assertEquals("'cdc:name=other' is not CONNECTOR:KEY=VALUE: the connector name is the file's, it cannot be set",
                malformed("cdc:name=other"));
    }

    @Test
    void secretValuesAreNeverEchoed() {
        String noConnector = malformed("database.password=http://user:hunter2@db");
        assertEquals("'database.password=********' is not CONNECTOR:KEY=VALUE: the connector name and ':' come first", noConnector);
        assertEquals("cdc:braze.api.key=********", ConfigOverride.parse("cdc:braze.api.key=abc123").toString());
        assertEquals("cdc:braze.api.key=${env:BRAZE_API_KEY}", ConfigOverride.parse("cdc:braze.api.key=${env:BRAZE_API_KEY}").toString());
        assertFalse(ConfigOverride.parse("cdc:database.password=hunter2").toString().contains("hunter2"));
    }

    private static String malformed(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ConfigOverride.parse(text)).getMessage();
    }
}
