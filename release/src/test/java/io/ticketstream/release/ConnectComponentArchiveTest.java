package io.ticketstream.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each of our Connect plugins is a Confluent Hub component archive as the build wrote it: one top-level folder named
 * like the archive, a manifest.json meeting the specification ({@link ComponentManifestRules}), whose component types
 * are exactly what the lib/ jars register with Connect's ServiceLoader files, and the project's LICENSE and NOTICE.
 */
class ConnectComponentArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** component_types entry -> the ServiceLoader file a plugin of that type is registered in. */
    private static final Map<String, List<String>> SERVICE_FILES = Map.of(
            "sink", List.of("META-INF/services/org.apache.kafka.connect.sink.SinkConnector"),
            "source", List.of("META-INF/services/org.apache.kafka.connect.source.SourceConnector"),
            "transform", List.of("META-INF/services/org.apache.kafka.connect.transforms.Transformation",
                    "META-INF/services/org.apache.kafka.connect.transforms.predicates.Predicate"),
            "converter", List.of("META-INF/services/org.apache.kafka.connect.storage.Converter",
                    "META-INF/services/org.apache.kafka.connect.storage.HeaderConverter"));

    @Test
    void everyPluginIsAComponentArchiveWithAValidManifest() throws IOException {
        List<Path> archives = ReleaseFiles.componentArchives();
        assertEquals(2, archives.size(), "connect-braze-sink and connect-smt: " + archives);
        for (Path archive : archives) {
            String baseName = archive.getFileName().toString().replaceFirst("\\.zip$", "");
            Map<String, byte[]> entries = ReleaseFiles.entries(archive);

            Set<String> topLevel = entries.keySet().stream().map(e -> e.substring(0, e.indexOf('/') + 1))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(baseName + "/"), topLevel, archive + ": one top-level folder named like the archive");

            byte[] manifestBytes = entries.get(baseName + "/manifest.json");
            assertTrue(manifestBytes != null, archive + ": no manifest.json in " + baseName + "/");
            JsonNode manifest = JSON.readTree(manifestBytes);
            assertEquals(List.of(), ComponentManifestRules.violations(manifest, baseName), archive + ": manifest.json");

            assertEquals(declaredTypes(manifest), registeredTypes(entries, baseName),
                    archive + ": component_types must be what the lib/ jars register with Connect");

            assertArrayEquals(Files.readAllBytes(ReleaseFiles.projectRoot().resolve("LICENSE")),
                    entries.get(baseName + "/doc/LICENSE"), archive + ": doc/LICENSE is the project's");
            assertArrayEquals(Files.readAllBytes(ReleaseFiles.projectRoot().resolve("NOTICE")),
                    entries.get(baseName + "/doc/NOTICE"), archive + ": doc/NOTICE is the project's");
        }
    }

    @Test
    void rulesRejectAManifestMissingWhatTheSpecificationRequires() throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"name": "connect-smt", "version": "1.0.0", "description": "d",
                 "owner": {"username": "ticketstream", "type": "company"},
                 "component_types": ["transform", "filter"], "release_date": "4 Dec 2026",
                 "license": [{"url": "https://www.apache.org/licenses/LICENSE-2.0"}]}""");
        List<String> problems = ComponentManifestRules.violations(manifest, "ticketstream-connect-smt-1.0.0");
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.toString().contains("'filter'"), problems.toString());
        assertTrue(problems.toString().contains("owner.type 'company'"), problems.toString());

        manifest.remove("component_types");
        manifest.remove("description");
        ((ObjectNode) manifest.get("owner")).put("username", "Ticket-Stream");
        List<String> more = ComponentManifestRules.violations(manifest, "ticketstream-connect-smt-1.0.0");
        assertTrue(more.stream().anyMatch(p -> p.startsWith("component_types: required")), more.toString());
        assertTrue(more.stream().anyMatch(p -> p.startsWith("description: required")), more.toString());
        assertTrue(more.stream().anyMatch(p -> p.startsWith("owner.username 'Ticket-Stream'")), more.toString());
        assertTrue(more.stream().anyMatch(p -> p.contains("is not <owner>-<name>-<version>.zip")), more.toString());
    }

    private static Set<String> declaredTypes(JsonNode manifest) {
        Set<String> types = new TreeSet<>();
        manifest.path("component_types").forEach(t -> types.add(t.asText()));
        return types;
    }

    private static Set<String> registeredTypes(Map<String, byte[]> entries, String baseName) throws IOException {
        Set<String> types = new TreeSet<>();
        for (var entry : entries.entrySet()) {
            if (!entry.getKey().matches(baseName + "/lib/[^/]+\\.jar")) {
                continue;
            }
            Map<String, byte[]> jar = ReleaseFiles.entries(new java.io.ByteArrayInputStream(entry.getValue()));
            SERVICE_FILES.forEach((type, files) -> {
                for (String file : files) {
                    byte[] services = jar.get(file);
                    if (services != null && !new String(services, StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList().isEmpty()) {
                        types.add(type);
                    }
                }
            });
        }
        assertFalse(types.isEmpty(), baseName + ": no jar in lib/ registers a Connect plugin");
        return types;
    }
}
