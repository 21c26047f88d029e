package io.ticketstream.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path tmp;

    @Test
    void resetDeletesAFolderTheStackMadeWithEverythingInIt() throws Exception {
        Path data = tmp.resolve(".local");
        DataFolder.prepare(data);
        Files.createDirectories(data.resolve("kafka/meta"));
        Files.writeString(data.resolve("kafka/meta/properties"), "x");

        DataFolder.reset(data);

        assertFalse(Files.exists(data));
    }

    @Test
    void resetRefusesAFolderThatHoldsAnythingElseAndDeletesNothing() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        Files.createDirectories(home.resolve("logs"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DataFolder.reset(home));

        assertTrue(refused.getMessage().contains(home.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("thesis.tex"), refused.getMessage());
        assertTrue(Files.exists(home.resolve("thesis.tex")));
        assertTrue(Files.exists(home.resolve("logs")));
    }

    @Test
    void resetAcceptsAnUnmarkedFolderHoldingOnlyWhatTheStackKeeps() throws Exception {
        // data folders made before the marker existed
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(old.resolve("postgres/data"));
        Files.createDirectories(old.resolve("streams"));

        DataFolder.reset(old);

        assertFalse(Files.exists(old));
    }

    @Test
    void resetOfAMissingFolderIsANoOpAndAFileIsRefused() throws Exception {
        DataFolder.reset(tmp.resolve("never-created"));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThrows(IllegalArgumentException.class, () -> DataFolder.reset(file));
        assertTrue(Files.exists(file));
    }
}
