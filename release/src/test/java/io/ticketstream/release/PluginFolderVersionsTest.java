package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each Debezium plugin folder holds one Debezium version, the one the parent pom names for that connector (they may
 * differ: each folder has its own class loader on a worker). Also catches a folder mixing two versions, as an
 * upgrade without a clean build of connect-plugins would leave it.
 */
class PluginFolderVersionsTest {

    private static final Pattern DEBEZIUM_JAR = Pattern.compile("debezium-[a-z-]+-(\\d+\\.\\d+\\.\\d+\\.\\w+)\\.jar");

    @Test
    void eachDebeziumFolderHoldsTheVersionThePomNames() throws IOException {
        Map<String, String> expected = Map.of(
                "debezium-connector-postgres", System.getProperty("debezium.postgres.version"),
                "debezium-connector-sqlserver", System.getProperty("debezium.version"),
                "debezium-connector-mongodb", System.getProperty("debezium.version"),
                "debezium-connector-jdbc", System.getProperty("debezium.jdbc.version"));
        expected.forEach((folder, version) -> assertTrue(version != null && !version.isBlank(), folder));
        for (var e : expected.entrySet()) {
            Set<String> versions = new TreeSet<>();
            for (Path jar : ReleaseFiles.jarsUnder(ReleaseFiles.pluginsDir().resolve(e.getKey()))) {
                Matcher m = DEBEZIUM_JAR.matcher(jar.getFileName().toString());
                if (m.matches()) {
                    versions.add(m.group(1));
                }
            }
            assertEquals(Set.of(e.getValue()), versions, e.getKey() + ": Debezium versions in the folder");
        }
    }

    @Test
    void snowflakeFolderHoldsThePomsConnectorVersion() {
        String jar = "snowflake-kafka-connector-" + System.getProperty("snowflake.connector.version") + ".jar";
        assertTrue(Files.isRegularFile(ReleaseFiles.pluginsDir().resolve("snowflake-kafka-connector").resolve(jar)),
                jar);
    }
}
