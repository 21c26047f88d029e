package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Build step of the release module (exec-maven-plugin, every build): scans what a release ships, writes
 * {@code NOTICE} and {@code sbom.cdx.json} into {@code --output}, and fails when a shipped jar or its licence is
 * unknown.
 *
 * <pre>
 * --version=V --timestamp=ISO-8601 --output=DIR --licences=licences-from-poms.tsv --notice-header=FILE
 * --plugin-archive=NAME=ZIP ...  --plugin-folders=DIR [--exclude-plugin-folder=NAME ...]  --runnable-jar=NAME=JAR ...
 * </pre>
 */
public final class ReleaseInventoryMain {

    private ReleaseInventoryMain() {
    }

    public static void main(String[] args) throws IOException {
        String version = null;
        Instant timestamp = null;
        Path output = null;
        Path licencesFile = null;
        Path noticeHeader = null;
        Path pluginFolders = null;
        Set<String> excludedFolders = new LinkedHashSet<>();
        List<String[]> pluginArchives = new ArrayList<>();
        List<String[]> runnableJars = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got: " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "version" -> version = value;
                case "timestamp" -> timestamp = Instant.parse(value);
                case "output" -> output = Path.of(value);
                case "licences" -> licencesFile = Path.of(value);
                case "notice-header" -> noticeHeader = Path.of(value);
                case "plugin-folders" -> pluginFolders = Path.of(value);
                case "exclude-plugin-folder" -> excludedFolders.add(value);
                case "plugin-archive" -> pluginArchives.add(namedPath(arg, value));
                case "runnable-jar" -> runnableJars.add(namedPath(arg, value));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }

        LicenceTable licences = LicenceTable.read(licencesFile);
        ArchiveScanner scanner = new ArchiveScanner(licences);
        for (String[] archive : pluginArchives) {
            scanner.scanComponentArchive(Path.of(archive[1]), archive[0]);
        }
        scanner.scanPluginFolders(pluginFolders, excludedFolders);
        for (String[] jar : runnableJars) {
            scanner.scanRunnableJar(Path.of(jar[1]), jar[0]);
        }
        ReleaseInventory inventory = ReleaseInventory.of(scanner.found(), scanner.unidentified(), licences);
        if (!inventory.problems().isEmpty()) {
            throw new IllegalStateException("release inventory incomplete:\n  "
                    + String.join("\n  ", inventory.problems()));
        }
        Files.createDirectories(output);
        Files.writeString(output.resolve("NOTICE"),
                NoticeRenderer.render(Files.readString(noticeHeader), inventory));
        Files.writeString(output.resolve("sbom.cdx.json"), SbomWriter.json(inventory, version, timestamp));
        System.out.printf("[release] %d third-party artifacts inventoried: %s%n", inventory.items().size(),
                output.toAbsolutePath());
    }

    private static String[] namedPath(String arg, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected --option=NAME=PATH, got: " + arg);
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }
}
