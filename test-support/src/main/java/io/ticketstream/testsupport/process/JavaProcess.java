package io.ticketstream.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.test.TestUtils;

/**
 * A Java main class in a JVM of its own, for tests that must kill a process rather than close it: a crash claim
 * needs {@link #kill()} ({@code Process.destroyForcibly()}, SIGKILL on Linux: no shutdown hook, no finally block,
 * no last offset commit), which an in-process component cannot show.
 *
 * <pre>{@code
 * try (JavaProcess worker = JavaProcess.builder("org.apache.kafka.connect.cli.ConnectDistributed")
 *         .args(workerProperties.toString()).log(dir.resolve("worker.log")).start()) {
 *     worker.awaitLog(text -> text.contains("Finished starting connectors and tasks"), Duration.ofMinutes(2));
 *     worker.kill();
 * }
 * }</pre>
 *
 * The classpath defaults to this JVM's own ({@code java.class.path}); output (stdout and stderr) goes to the log
 * file, which {@link #log()} reads back.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String description;

    private JavaProcess(Process process, Path log, String description) {
        this.process = process;
        this.log = log;
        this.description = description;
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return log;
    }

    /** Waits until the output satisfies {@code condition}; fails early, with the log's tail, if the process died. */
    public void awaitLog(Predicate<String> condition, Duration timeout) throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            String text = log();
            if (condition.test(text)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError(description + " exited with " + process.exitValue() + "; last output:\n"
                        + tail(text));
            }
            return false;
        }, timeout.toMillis(), 500, () -> description + ": awaited output not seen in " + timeout + "; last output:\n"
                + tail(log()));
    }

    /** SIGKILL ({@code destroyForcibly}) and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(description + " (pid " + process.pid() + ") survived destroyForcibly");
        }
    }

    /** A graceful stop (SIGTERM, shutdown hooks run), then SIGKILL if it takes longer than {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
    }

    /** What to start. */
    public static final class Builder {
        private final String mainClass;
        private String classpath = System.getProperty("java.class.path");
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private Path log;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** e.g. {@code -Xmx512m}. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder systemProperty(String name, String value) {
            systemProperties.put(name, value);
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        /** Where stdout and stderr go (appended, so a restarted process continues the same file if wanted). */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        public JavaProcess start() {
            try {
                Path output = log != null ? log : Files.createTempFile("java-process-", ".log");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmArgs);
                systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
                command.add("-cp");
                command.add(classpath);
                command.add(mainClass);
                command.addAll(args);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
                builder.environment().putAll(environment);
                return new JavaProcess(builder.start(), output, mainClass);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + mainClass, e);
            }
        }
    }
}
