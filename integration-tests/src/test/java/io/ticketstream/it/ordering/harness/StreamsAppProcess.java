package io.ticketstream.it.ordering.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ticketstream.testsupport.connect.PluginPath;

/**
 * The streams app as a user runs it: {@code java -jar streams-app/target/streams-app-<version>-all.jar --config FILE} in
 * its own JVM, output to a log file. {@link #kill()} is a kill -9 ({@link Process#destroyForcibly()}: SIGKILL, no
 * shutdown hook, no commit); {@link #stop()} is a SIGTERM (the app's shutdown hook closes Kafka Streams).
 */
public final class StreamsAppProcess implements AutoCloseable {

    /** Processes this test JVM started, killed if it exits without stopping them. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly), "kill-streams-apps"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private StreamsAppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the packaged app with {@code config}; its stdout and stderr go to {@code log} (appended). */
    public static StreamsAppProcess start(String name, Path config, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", packagedJar().toString(), "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The app maps TICKETSTREAM_* and KAFKA_* variables onto its configuration: the file alone must decide.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TICKETSTREAM_") || k.startsWith("KAFKA_"));
        Process process = builder.start();
        STARTED.add(process);
        return new StreamsAppProcess(name, process, log);
    }

    /**
     * {@code streams-app/target/streams-app-<version>-all.jar}, the runnable shaded jar the streams-app module attaches
     * (the reactor builds it before this module's tests; the plain main artifact has no dependencies and no main class).
     */
    public static Path packagedJar() {
        Path target = PluginPath.projectRoot().resolve("streams-app/target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches("streams-app-[^-]+(-SNAPSHOT)?-all\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no packaged streams app in " + target
                            + ": build it first (./mvnw -pl streams-app -am package -DskipTests)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Fails, with the end of the app's log, when the process has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with code " + process.exitValue() + "; end of " + log + ":\n" + tail(40));
        }
    }

    /** kill -9: the JVM dies at once, mid-transaction, without closing anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        STARTED.remove(process);
    }

    /** SIGTERM, then waits for the app's own shutdown (a kill -9 after two minutes). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        STARTED.remove(process);
        return process.exitValue();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
