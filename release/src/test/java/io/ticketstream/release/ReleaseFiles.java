package io.ticketstream.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of a release as the build left them (paths from the release module's pom) and zip helpers. */
final class ReleaseFiles {

    /** Left out of a release: the local warehouse stand-in's sink (see connect-plugins/README.md). */
    static final String LOCAL_ONLY_PLUGIN_FOLDER = "debezium-connector-jdbc";

    private ReleaseFiles() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("release.project.root")).normalize();
    }

    static Path inventoryDir() {
        return Path.of(System.getProperty("release.inventory.dir"));
    }

    static Path pluginsDir() {
        return Path.of(System.getProperty("release.plugins.dir")).normalize();
    }

    static List<Path> componentArchives() {
        return paths("release.plugin.archives");
    }

    static List<Path> runnableJars() {
        return paths("release.runnable.jars");
    }

    /** The plugin folders a release's plugin.path tarball holds. */
    static List<Path> releasedPluginFolders() throws IOException {
        try (Stream<Path> list = Files.list(pluginsDir())) {
            return list.filter(Files::isDirectory)
                    .filter(f -> !f.getFileName().toString().equals(LOCAL_ONLY_PLUGIN_FOLDER)).sorted().toList();
        }
    }

    static List<Path> jarsUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Every entry of a zip (or jar) with its bytes, in archive order. */
    static Map<String, byte[]> entries(InputStream zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), entry.isDirectory() ? new byte[0] : in.readAllBytes());
            }
        }
        return entries;
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return entries(in);
        }
    }

    private static List<Path> paths(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " not set (run through Maven)");
        }
        List<Path> paths = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).map(Path::of).forEach(paths::add);
        return paths;
    }
}
