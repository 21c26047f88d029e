package io.ticketstream.testsupport.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the plugin.path folder assembled by the {@code connect-plugins} module
 * ({@code connect-plugins/target/plugins}, one sub-folder per plugin), so tests and the local stack load exactly
 * the plugins a worker in production gets.
 *
 * <p>Lookup: the system property {@value #PROPERTY}, else {@value #RELATIVE} under the first ancestor of the
 * working directory that has a {@code connect-plugins/pom.xml} (so it works from any module folder).
 */
public final class PluginPath {

    public static final String PROPERTY = "ticketstream.plugin.path";
    public static final String RELATIVE = "connect-plugins/target/plugins";
    static final String BUILD_HINT = "build it with: ./mvnw -o -q -pl connect-plugins install";

    private PluginPath() {
    }

    /** The assembled folder; fails naming the folder and the build command when it is missing or empty. */
    public static Path assembled() {
        Path folder = locate();
        if (!Files.isDirectory(folder) || plugins(folder).isEmpty()) {
            throw new IllegalStateException("the assembled Connect plugin folder " + folder + " is missing or empty; "
                    + BUILD_HINT);
        }
        return folder;
    }

    /** The assembled folder, after checking that each named plugin sub-folder is there. */
    public static Path assembledWith(String... pluginFolders) {
        Path folder = assembled();
        for (String plugin : pluginFolders) {
            if (!Files.isDirectory(folder.resolve(plugin))) {
                throw new IllegalStateException("plugin folder " + plugin + " is not in " + folder + " (it has "
                        + plugins(folder) + "); " + BUILD_HINT);
            }
        }
        return folder;
    }

    /** Names of the plugin sub-folders of {@code folder}. */
    public static List<String> plugins(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project root: the first ancestor of the working directory holding {@code connect-plugins/pom.xml}. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("connect-plugins/pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ancestor of " + dir + " holds connect-plugins/pom.xml; set -D" + PROPERTY
                + "=<plugin folder>");
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return projectRoot().resolve(RELATIVE);
    }
}
