package io.ticketstream.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./ticketstream} launcher, run by bash in a copy of the repository's layout with stand-in
 * jars: the defect this guards is that {@code up} ran stale jars after a source edit (only a missing jar triggered a
 * build), so a fixed mapping typo still failed with the old error.
 */
class LauncherTest {

    @TempDir Path repo;

    private static final Instant BUILT = Instant.now().minusSeconds(3600);

    private void file(String path, Instant modified) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private String run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("ticketstream").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        assertEquals(0, process.exitValue(), out);
        return out.strip();
    }

    /** What the launcher runs of a module: local-stack its plain jar (with lib/), the others their shaded -all jar. */
    private static String artifact(String module) {
        String suffix = module.equals("local-stack") ? ".jar" : "-all.jar";
        return module + "/target/" + module + "-0.1.0-SNAPSHOT" + suffix;
    }

    private void builtRepository() throws IOException {
        Files.copy(PluginPath.projectRoot().resolve("ticketstream"), repo.resolve("ticketstream"));
        Instant sources = BUILT.minusSeconds(600);
        file("pom.xml", sources);
        file("streams-app/pom.xml", sources);
        file("streams-app/src/main/resources/mappings/orders.yaml", sources);
        file("ops-cli/src/main/java/Ops.java", sources);
        for (String module : List.of("local-stack", "ops-cli", "streams-app", "braze-simulator")) {
            file(artifact(module), BUILT);
        }
        Files.createDirectories(repo.resolve("connect-plugins/target/plugins"));
        file("target/.ticketstream-built", BUILT); // the launcher's last build
        file(".local/logs/local-stack.log", Instant.now()); // the stack's own data never counts as a source
    }

    @Test
    void upRebuildsWhenASourceIsNewerThanTheLastBuild() throws Exception {
        builtRepository();
        assertEquals("", run("build-check"), "nothing changed since the build");
        // Maven leaves the jar of an unchanged module as it was: an old jar is no reason to build
        file(artifact("braze-simulator"), BUILT.minusSeconds(86_400));
        assertEquals("", run("build-check"), "an untouched module's old jar");

        file("streams-app/src/main/resources/mappings/orders.yaml", Instant.now()); // the mapping typo, fixed
        assertEquals("streams-app/src/main/resources/mappings/orders.yaml changed since the last build", run("build-check"));

        // a plain jar is not what the launcher runs: only the runnable -all jar counts
        Files.delete(repo.resolve(artifact("ops-cli")));
        file("ops-cli/target/ops-cli-0.1.0-SNAPSHOT.jar", BUILT);
        assertEquals("no ops-cli jar yet", run("build-check"));

        file(artifact("ops-cli"), BUILT);
        Files.delete(repo.resolve("target/.ticketstream-built"));
        assertEquals("no build by this launcher yet", run("build-check"), "jars built by hand: build once to be sure");
    }

    @Test
    void helpPrintsTheUsageOnly() throws Exception {
        builtRepository();
        String help = run("help");
        assertTrue(help.startsWith("ticketstream: the two set-up commands"), help);
        assertTrue(help.contains("TICKETSTREAM_REBUILD=1"), help);
        assertFalse(help.contains("set -euo pipefail"), "the stray shell line of the old help: " + help);
    }
}
