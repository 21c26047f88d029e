package io.ticketstream.testsupport.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchivesTest {

    @TempDir
    Path tmp;

    @Test
    void aTarGzWithOneTopLevelFolderBecomesThatFolder() throws IOException {
        Path archive = tarGz("debezium-connector-x-1.0-plugin.tar.gz",
                Map.of("debezium-connector-x/a.jar", "a", "debezium-connector-x/lib/b.jar", "b"));
        Path plugins = tmp.resolve("plugins");

        Path folder = PluginArchives.unpack(archive, plugins);

        assertEquals(plugins.resolve("debezium-connector-x"), folder);
        assertEquals("b", Files.readString(folder.resolve("lib/b.jar")));
        assertEquals(List.of("debezium-connector-x"), PluginPath.plugins(plugins));
    }

    @Test
    void aZipOfLooseFilesBecomesAFolderNamedAfterTheArchive() throws IOException {
        Path archive = zip("connect-smt-0.1.0-plugin.zip", Map.of("smt.jar", "s", "dep.jar", "d"));

        Path folder = PluginArchives.unpack(archive, tmp.resolve("plugins"));

        assertEquals("connect-smt-0.1.0-plugin", folder.getFileName().toString());
        assertTrue(Files.exists(folder.resolve("smt.jar")));
        assertTrue(Files.exists(folder.resolve("dep.jar")));
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideThePluginFolder() throws IOException {
        Path archive = zip("evil.zip", Map.of("../../outside.jar", "x", "ok.jar", "y"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PluginArchives.unpack(archive, tmp.resolve("plugins")));
        assertTrue(error.getMessage().contains("../../outside.jar"), error.getMessage());
    }

    @Test
    void refusesAnUnknownArchiveType() throws IOException {
        Path archive = Files.writeString(tmp.resolve("plugin.rar"), "x");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PluginArchives.unpack(archive, tmp.resolve("plugins")));
        assertTrue(error.getMessage().contains("plugin.rar"), error.getMessage());
    }

    @Test
    void theAssembledFolderLookupNamesTheBuildCommandWhenTheFolderIsMissing() {
        String previous = System.getProperty(PluginPath.PROPERTY);
        System.setProperty(PluginPath.PROPERTY, tmp.resolve("not-built").toString());
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, PluginPath::assembled);
            assertTrue(error.getMessage().contains("-pl connect-plugins install"), error.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(PluginPath.PROPERTY);
            } else {
                System.setProperty(PluginPath.PROPERTY, previous);
            }
        }
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path archive = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return archive;
    }

    private Path tarGz(String name, Map<String, String> entries) throws IOException {
        Path archive = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (var entry : entries.entrySet()) {
                byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(bytes.length);
                out.putArchiveEntry(tarEntry);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
        return archive;
    }
}
