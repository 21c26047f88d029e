package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CycloneDX SBOM accounts for every third-party jar file a release ships: checked against SHA-256 sums computed
 * here from the plugin folders and component archives, independently of the inventory that wrote the SBOM.
 */
class SbomTest {

    @Test
    void everyShippedThirdPartyJarIsInTheSbomWithItsHash() throws IOException {
        JsonNode sbom = new ObjectMapper().readTree(ReleaseFiles.inventoryDir().resolve("sbom.cdx.json").toFile());
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());
        assertEquals("1.6", sbom.path("specVersion").asText());
        Set<String> hashes = new HashSet<>();
        for (JsonNode component : sbom.path("components")) {
            assertTrue(component.path("purl").asText().startsWith("pkg:maven/"), component.toString());
            component.path("hashes").forEach(h -> hashes.add(h.path("content").asText()));
        }

        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path folder : ReleaseFiles.releasedPluginFolders()) {
            for (Path jar : ReleaseFiles.jarsUnder(folder)) {
                if (isOurs(jar.getFileName().toString())) {
                    continue;
                }
                checked++;
                if (!hashes.contains(ArchiveScanner.sha256(Files.readAllBytes(jar)))) {
                    missing.add(ReleaseFiles.pluginsDir().relativize(jar).toString());
                }
            }
        }
        for (Path archive : ReleaseFiles.componentArchives()) {
            for (var entry : ReleaseFiles.entries(archive).entrySet()) {
                String name = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
                if (name.endsWith(".jar") && !isOurs(name)) {
                    checked++;
                    if (!hashes.contains(ArchiveScanner.sha256(entry.getValue()))) {
                        missing.add(archive.getFileName() + "!/" + entry.getKey());
                    }
                }
            }
        }
        assertTrue(checked >= 50, "too few jars checked: " + checked);
        assertEquals(List.of(), missing, "shipped jars missing from the SBOM");
    }

    /** Our own module jars (and the Snowflake service-manifest jar of connect-plugins), under LICENSE. */
    private static boolean isOurs(String fileName) {
        for (String module : List.of("connect-braze-sink-", "connect-smt-", "braze-contract-", "schemas-", "connect-plugins-")) {
            if (fileName.startsWith(module) && fileName.substring(module.length()).matches("\\d.*")) {
                return true;
            }
        }
        return false;
    }
}
