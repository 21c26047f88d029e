package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code SHA256SUMS} into a release folder: one {@code <sha256>  <relative path>} line per file, sorted, the
 * format {@code sha256sum -c SHA256SUMS} checks. (Twenty lines of JDK code instead of a checksum plugin whose
 * dependencies would bring an outdated Bouncy Castle into the build.)
 */
public final class ChecksumsMain {

    static final String FILE_NAME = "SHA256SUMS";

    private ChecksumsMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ChecksumsMain <release folder>");
        }
        Path folder = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(FILE_NAME))
                    .sorted().toList();
        }
        StringBuilder sums = new StringBuilder();
        for (Path file : files) {
            sums.append(ArchiveScanner.sha256(file)).append("  ").append(folder.relativize(file)).append('\n');
        }
        Files.writeString(folder.resolve(FILE_NAME), sums);
        System.out.printf("[release] %s: %d files%n", folder.resolve(FILE_NAME), files.size());
    }
}
