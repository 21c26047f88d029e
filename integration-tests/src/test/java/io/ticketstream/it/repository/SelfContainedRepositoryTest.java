package io.ticketstream.it.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;

/**
 * The project stands on its own: no file points by an absolute path to notes on the machine it was written on (four
 * did, for Debezium's and Braze's formats); cite the public Debezium and Braze documentation instead.
 */
class SelfContainedRepositoryTest {

    // built from parts so that this file does not match itself
    private static final Pattern MACHINE_PATH = Pattern.compile("/" + "work/(shared|wt|main|m2)/");
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".local", "node_modules");

    @Test
    void noFilePointsToNotesOutsideTheRepository() throws IOException {
        Path root = PluginPath.projectRoot();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().split("/").length > 0
                            && java.util.Arrays.stream(root.relativize(p).toString().split("/")).noneMatch(SKIPPED::contains))
                    .filter(SelfContainedRepositoryTest::pointsOutside)
                    .map(p -> root.relativize(p).toString())
                    .sorted().toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean pointsOutside(Path file) {
        try {
            return MACHINE_PATH.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (MalformedInputException binary) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
