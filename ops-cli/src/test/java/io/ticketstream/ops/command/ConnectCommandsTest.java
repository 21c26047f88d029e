package io.ticketstream.ops.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketstream.ops.CliRun;
import io.ticketstream.ops.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector commands against a real Connect worker (EmbeddedConnectCluster: a KRaft broker and a distributed
 * worker with its REST API, in-process) running Kafka's FileStreamSink. One cluster for the class; the tests run
 * in order because they walk one connector through its life (apply, pause, stop, offsets).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_TOPIC = "ops-test-connect-configs";
    private static final String TOPIC = "ops-in";
    private static final long WAIT_MS = 60_000;

    private static EmbeddedConnectCluster connect;
    private static String url;

    @TempDir static Path dir;

    @BeforeAll
    static void startCluster() {
        connect = new EmbeddedConnectCluster.Builder()
                .name("ops-cli-connect")
                .numWorkers(1)
                .workerProps(new java.util.HashMap<>(Map.of("config.storage.topic", CONFIG_TOPIC, "offset.flush.interval.ms", "500")))
                .build();
        connect.start();
        connect.kafka().createTopic(TOPIC, 1);
        url = connect.endpointForResource("").replaceAll("/+$", "");
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    private static Path connectorFile(String name, Path sinkFile, String tasksMax) throws IOException {
        String json = "{\"name\":\"" + name + "\",\"config\":{"
                + "\"connector.class\":\"" + FileStreamSinkConnector.class.getName() + "\","
                + "\"tasks.max\":\"" + tasksMax + "\",\"topics\":\"" + TOPIC + "\","
                + "\"key.converter\":\"org.apache.kafka.connect.storage.StringConverter\","
                + "\"value.converter\":\"org.apache.kafka.connect.storage.StringConverter\","
                + "\"file\":\"" + sinkFile + "\"}}";
        return Files.writeString(dir.resolve(name + ".json"), json);
    }

    private static long configTopicEnd() throws Exception {
        try (Admin admin = connect.kafka().createAdminClient()) {
            TopicPartition tp = new TopicPartition(CONFIG_TOPIC, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        }
    }

    private static String state(String name) {
        return connect.connectorStatus(name).connector().state();
    }

    @Test
    @Order(1)
    void applyCreatesWaitsForRunningAndTheSecondApplyIsANoOp() throws Exception {
        Path sink = dir.resolve("sink-out.txt");
        Path file = connectorFile("file-sink", sink, "1");

        CliRun first = CliRun.against(url, "apply", file.toString(), "--timeout", "60s");
        assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
        assertTrue(first.out().contains("file-sink: new connector"), first.toString());
        assertTrue(first.out().contains("+ tasks.max = 1"), first.toString());
        assertTrue(first.out().contains("file-sink: RUNNING with 1 task(s) RUNNING"), first.toString());

        long configWritesBefore = configTopicEnd();
        CliRun second = CliRun.against(url, "apply", file.toString(), "--timeout", "60s");
        assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
        assertTrue(second.out().contains("file-sink: unchanged"), second.toString());
        assertTrue(!second.out().contains("updated"), second.toString());
        // Connect writes every accepted PUT to its config topic: an unchanged end offset proves no PUT was sent.
        assertEquals(configWritesBefore, configTopicEnd());

        connect.kafka().produce(TOPIC, "k1", "hello");
        connect.kafka().produce(TOPIC, "k2", "world");
        TestUtils.waitForCondition(() -> Files.exists(sink) && Files.readAllLines(sink).size() == 2, WAIT_MS,
                "the sink should write both records");
    }

    @Test
    @Order(2)
    void dryRunShowsTheDiffAndChangesNothing() throws Exception {
        Path file = connectorFile("file-sink", dir.resolve("sink-out.txt"), "2");
        long configWritesBefore = configTopicEnd();
        CliRun run = CliRun.against(url, "apply", "--dry-run", file.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("~ tasks.max : 1 -> 2"), run.toString());
        assertTrue(run.out().contains("dry run, not applied"), run.toString());
        assertEquals(configWritesBefore, configTopicEnd());
        assertEquals("1", connect.connectorInfo("file-sink").config().get("tasks.max"));
    }

    @Test
    @Order(3)
    void brokenConfigIsRefusedWithItsFieldErrors() throws Exception {
        Path file = connectorFile("broken-sink", dir.resolve("broken.txt"), "many");
        CliRun validate = CliRun.against(url, "validate", file.toString());
        assertEquals(ExitCodes.FAILED, validate.exitCode(), validate.toString());
        assertTrue(validate.out().contains("broken-sink (" + FileStreamSinkConnector.class.getName() + "): 1 field(s) with errors"),
                validate.toString());
        assertTrue(validate.out().contains("  tasks.max: Invalid value many"), validate.toString());

        CliRun apply = CliRun.against(url, "apply", file.toString());
        assertEquals(ExitCodes.FAILED, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("broken-sink: not applied"), apply.toString());
        assertTrue(!connect.connectors().contains("broken-sink"), "an invalid config must not be submitted");

        CliRun allowed = CliRun.against(url, "validate", file.toString(), "--allow-error", "tasks.max");
        assertEquals(ExitCodes.OK, allowed.exitCode(), allowed.toString());
        assertTrue(allowed.out().contains("tasks.max: Invalid value many") && allowed.out().contains("(allowed)"), allowed.toString());
    }

    @Test
    @Order(4)
    void failedTaskShowsItsTraceAndIsRestartedOnceFixed() throws Exception {
        Path missingDir = dir.resolve("not-yet-created");
        Path file = connectorFile("failing-sink", missingDir.resolve("out.txt"), "1");

        CliRun apply = CliRun.against(url, "apply", file.toString(), "--timeout", "60s");
        assertEquals(ExitCodes.FAILED, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("failing-sink: FAILED"), apply.toString());
        assertTrue(apply.out().contains("task 0 FAILED"), apply.toString());
        assertTrue(apply.out().contains("not-yet-created"), "the task's trace names the path: " + apply);

        CliRun status = CliRun.against(url, "status");
        assertEquals(ExitCodes.FAILED, status.exitCode(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("failing-sink") && l.contains("FAILED")), status.toString());

        Files.createDirectories(missingDir);
        CliRun restart = CliRun.against(url, "restart", "failing-sink", "--only-failed", "--wait", "--timeout", "60s");
        assertEquals(ExitCodes.OK, restart.exitCode(), restart.toString());
        assertTrue(restart.out().contains("includeTasks=true, onlyFailed=true"), restart.toString());
        assertEquals("RUNNING", connect.connectorStatus("failing-sink").tasks().get(0).state());
    }

    @Test
    @Order(5)
    void statusListsEveryConnectorAndTaskAsTableAndJson() throws Exception {
        CliRun table = CliRun.against(url, "status");
        assertEquals(ExitCodes.OK, table.exitCode(), table.toString());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("CONNECTOR"), table.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("file-sink\\s+0\\s+sink\\s+RUNNING.*")), table.toString());

        CliRun json = CliRun.against(url, "status", "-o", "json");
        JsonNode array = JSON.readTree(json.out());
        assertEquals(2, array.size(), json.toString());
        assertEquals("RUNNING", array.get(0).path("connector").path("state").asText());
    }

    @Test
    @Order(6)
    void pauseResumeStopAndOffsets() throws Exception {
        CliRun offsets = CliRun.against(url, "offsets", "get", "file-sink");
        assertEquals(ExitCodes.OK, offsets.exitCode(), offsets.toString());
        TestUtils.waitForCondition(() -> CliRun.against(url, "offsets", "get", "file-sink").out()
                .lines().anyMatch(l -> l.matches(TOPIC + "-0\\s+2")), WAIT_MS, "sink offsets should reach 2");

        assertEquals(ExitCodes.OK, CliRun.against(url, "pause", "file-sink").exitCode());
        TestUtils.waitForCondition(() -> "PAUSED".equals(state("file-sink")), WAIT_MS, "should pause");
        assertEquals(ExitCodes.OK, CliRun.against(url, "resume", "file-sink").exitCode());
        TestUtils.waitForCondition(() -> "RUNNING".equals(state("file-sink")), WAIT_MS, "should resume");

        CliRun resetWhileRunning = CliRun.against(url, "offsets", "reset", "file-sink");
        assertEquals(ExitCodes.PRECONDITION, resetWhileRunning.exitCode(), resetWhileRunning.toString());
        assertTrue(resetWhileRunning.out().contains("ticketstream-ops stop file-sink"), resetWhileRunning.toString());

        assertEquals(ExitCodes.OK, CliRun.against(url, "stop", "file-sink").exitCode());
        TestUtils.waitForCondition(() -> "STOPPED".equals(state("file-sink")), WAIT_MS, "should stop");
        CliRun reset = CliRun.against(url, "offsets", "reset", "file-sink");
        assertEquals(ExitCodes.OK, reset.exitCode(), reset.toString());
        CliRun after = CliRun.against(url, "offsets", "get", "file-sink", "-o", "json");
        assertEquals(0, JSON.readTree(after.out()).path("offsets").size(), after.toString());

        CliRun unknown = CliRun.against(url, "pause", "no-such-connector");
        assertEquals(ExitCodes.PRECONDITION, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("404"), unknown.toString());
    }

    @Test
    @Order(7)
    void unreachableConnectIsExitCodeThree() {
        CliRun run = CliRun.of("status", "--connect-url", "http://127.0.0.1:1", "--request-timeout", "5s");
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot reach Connect REST at http://127.0.0.1:1"), run.toString());
    }

    @Test
    @Order(8)
    void setValuesAreDiffedAndMaskedLikeFileValues() throws Exception {
        Path file = connectorFile("file-sink", dir.resolve("sink-out.txt"), "1");
        long configWritesBefore = configTopicEnd();
        CliRun run = CliRun.against(url, "apply", "--dry-run", file.toString(),
                "--set", "file-sink:tasks.max=2", "--set", "file-sink:ops.test.password=hunter2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("~ tasks.max : 1 -> 2"), run.toString());
        assertTrue(run.out().contains("+ ops.test.password = ********"), run.toString());
        assertTrue(run.out().contains("ops.test.password holds a literal secret"), run.toString());
        assertTrue(!run.out().contains("hunter2") && !run.err().contains("hunter2"), run.toString());
        assertEquals(configWritesBefore, configTopicEnd());
    }
}
