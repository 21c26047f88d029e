package io.ticketstream.testsupport.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.test.TestUtils;

import io.ticketstream.testsupport.process.JavaProcess;

/**
 * A distributed Kafka Connect worker ({@code ConnectDistributed}) in a JVM of its own, for what an in-process
 * worker cannot show: a kill -9 ({@link #kill()}), the CPU a worker spends. Plugins come from a plugin.path
 * folder (normally {@link PluginPath#assembled()}); two workers started with the same {@code groupId} form one
 * cluster and share their config, offset and status topics, so a restarted worker picks up where a killed one was.
 * Timeouts are short (6 s sessions, no scheduled-rebalance delay) so a dead worker's tasks move on quickly.
 */
public final class ForkedConnectWorker implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JavaProcess process;
    private final String restUrl;

    private ForkedConnectWorker(JavaProcess process, String restUrl) {
        this.process = process;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker and waits for its REST API.
     *
     * @param workDir   where its properties, logging config and log go ({@code <logName>.log})
     * @param overrides worker settings on top of the defaults (e.g. {@code offset.flush.interval.ms})
     */
    public static ForkedConnectWorker start(String bootstrapServers, String groupId, Path pluginPath, Path workDir,
                                            String logName, Map<String, String> overrides) throws InterruptedException {
        try {
            Files.createDirectories(workDir);
            String rest = "http://127.0.0.1:" + freePort();
            Properties props = new Properties();
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", groupId);
            props.put("config.storage.topic", groupId + "-configs");
            props.put("offset.storage.topic", groupId + "-offsets");
            props.put("status.storage.topic", groupId + "-status");
            props.put("config.storage.replication.factor", "1");
            props.put("offset.storage.replication.factor", "1");
            props.put("status.storage.replication.factor", "1");
            props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("value.converter.schemas.enable", "false");
            props.put("listeners", rest);
            props.put("plugin.path", pluginPath.toAbsolutePath().toString());
            props.put("plugin.discovery", ConnectClusters.PLUGIN_DISCOVERY);
            props.put("scheduled.rebalance.max.delay.ms", "0");
            props.put("session.timeout.ms", "6000");
            props.put("heartbeat.interval.ms", "1000");
            props.put("consumer.session.timeout.ms", "6000");
            props.put("consumer.heartbeat.interval.ms", "1000");
            props.putAll(overrides);
            Path file = workDir.resolve(logName + ".properties");
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "forked Connect worker");
            }
            JavaProcess process = JavaProcess.builder("org.apache.kafka.connect.cli.ConnectDistributed")
                    .classpath(workerClasspath())
                    .jvmArg("-Xmx768m")
                    .systemProperty("log4j2.configurationFile", log4jConfig(workDir).toString())
                    .args(file.toString())
                    .log(workDir.resolve(logName + ".log"))
                    .start();
            ForkedConnectWorker worker = new ForkedConnectWorker(process, rest);
            worker.awaitRest();
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This JVM's classpath without any of this project's own classes or jars: the worker must find our plugins in
     * plugin.path only, as a user's worker does. (A benchmark's classpath holds the sink itself; a worker that found
     * it there loaded it without isolation and without the jars its plugin folder bundles.)
     */
    static String workerClasspath() {
        String separator = java.io.File.pathSeparator;
        String project = PluginPath.projectRoot().toString();
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(separator)))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().startsWith(project))
                .filter(entry -> !entry.replace('\\', '/').contains("/io/ticketstream/"))
                .collect(java.util.stream.Collectors.joining(separator));
    }

    /** Connect's own log pattern: {@code %X{connector.context}} is "[name|task-n] " on Connect's threads. */
    private static Path log4jConfig(Path workDir) throws IOException {
        Path file = workDir.resolve("worker-log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %X{connector.context}%m (%c:%t)%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "logger.ours.name = io.ticketstream",
                "logger.ours.level = " + System.getProperty("ticketstream.worker.log.level", "INFO"), ""));
        return file;
    }

    private void awaitRest() throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Connect worker died:\n" + process.log());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, 180_000, 500, () -> "Connect worker REST API at " + restUrl);
    }

    /** {@code PUT /connectors/{name}/config}; fails with Connect's answer when it is not 2xx. */
    public void putConnector(String name, String configJson) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name
                        + "/config")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(configJson)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT connector " + name + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    public String restUrl() {
        return restUrl;
    }

    public JavaProcess process() {
        return process;
    }

    /** CPU time the worker JVM has used so far (all its threads), or zero where the OS does not tell. */
    public Duration cpuTime() {
        return ProcessHandle.of(process.pid()).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** SIGKILL: no shutdown, no last offset commit. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
