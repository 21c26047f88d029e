package io.ticketstream.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The local stack's data folder ({@code .local/} by default, or {@code --data-dir}): what {@code --reset} may delete.
 * Only a folder the stack made, or one holding nothing but what the stack keeps there, is ever deleted, so that a
 * mistyped {@code --data-dir ~ --reset} refuses instead of wiping a home folder.
 */
final class DataFolder {

    /** Written into every data folder the stack creates. */
    static final String MARKER = ".ticketstream-local-stack";
    /** What the stack keeps in its data folder (see {@link StackSettings}). */
    static final Set<String> OWN_ENTRIES = Set.of(MARKER, "logs", "kafka", "postgres", "streams", "secrets");

    private DataFolder() {
    }

    /** Creates the folder if needed and marks it as the stack's. */
    static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "data folder of ticketstream's local stack (./ticketstream up); --reset deletes it\n");
        }
    }

    /**
     * Deletes the folder if it is the stack's; nothing to do if it does not exist.
     *
     * @throws IllegalArgumentException naming the folder and what in it is not the stack's
     */
    static void reset(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--reset: " + dir + " is not a folder; refusing to delete it");
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            Set<String> foreign = new TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(e -> {
                    if (!OWN_ENTRIES.contains(e.getFileName().toString())) {
                        foreign.add(e.getFileName().toString());
                    }
                });
            }
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("--reset: refusing to delete " + dir + ": it is not a local-stack data "
                        + "folder (no " + MARKER + ") and holds " + foreign);
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
