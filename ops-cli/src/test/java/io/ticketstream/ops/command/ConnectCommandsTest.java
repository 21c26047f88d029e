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
                .workerProps(new java.util.HashMap<>(Map.of("config.storage.topic", CONFIG_TOPIC, "offset.flush.interval.ms", "500",
                        "config.providers", "env",
                        "config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")))
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
        // the cause, whole: Connect's first line only names its wrapper ("Couldn't find or create file"), the
        // deepest Caused by says why (the missing folder); it used to be cut at 120 characters
        String failedTask = status.out().lines().filter(l -> l.matches("failing-sink\\s+0\\s+.*FAILED.*")).findFirst().orElse("");
        assertTrue(failedTask.contains("NoSuchFileException") && failedTask.contains("not-yet-created/out.txt"), status.toString());

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

    private static final String JAAS_WITH_PASSWORD =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"ops\" password=\"hunter2\";";

    @Test
    @Order(8)
    void setValuesAreDiffedAndMaskedLikeFileValues() throws Exception {
        Path file = connectorFile("file-sink", dir.resolve("sink-out.txt"), "1");
        long configWritesBefore = configTopicEnd();
        // sasl.jaas.config is PASSWORD in the consumer's ConfigDef: Connect's validate answer says so for the override
        CliRun run = CliRun.against(url, "apply", "--dry-run", file.toString(),
                "--set", "file-sink:tasks.max=2", "--set", "file-sink:consumer.override.sasl.jaas.config=" + JAAS_WITH_PASSWORD);
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("~ tasks.max : 1 -> 2"), run.toString());
        assertTrue(run.out().contains("+ consumer.override.sasl.jaas.config = ********"), run.toString());
        assertTrue(run.out().contains("consumer.override.sasl.jaas.config holds a literal secret"), run.toString());
        assertTrue(!run.out().contains("hunter2") && !run.err().contains("hunter2"), run.toString());
        assertEquals(configWritesBefore, configTopicEnd());
    }

    /** Writes a connector file from key/value pairs (the FileStreamSink defaults of {@link #connectorFile} first). */
    private static Path connectorFileWith(String name, Map<String, String> extra) throws IOException {
        Map<String, String> config = new java.util.LinkedHashMap<>(Map.of(
                "connector.class", FileStreamSinkConnector.class.getName(), "tasks.max", "1", "topics", TOPIC,
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "file", dir.resolve(name + ".txt").toString()));
        config.putAll(extra);
        return Files.writeString(dir.resolve(name + ".json"),
                JSON.writeValueAsString(Map.of("name", name, "config", config)));
    }

    /**
     * The defect this guards: a folder with one invalid and one valid file created the valid one and exited 1, a
     * half-applied change nobody reviewed. Now nothing is applied; --allow-partial applies the valid ones.
     */
    @Test
    @Order(9)
    void aFolderIsAppliedWholeOrNotAtAll() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("half-valid"));
        Files.move(connectorFileWith("atomic-good", Map.of()), folder.resolve("atomic-good.json"));
        Files.move(connectorFileWith("atomic-bad", Map.of("tasks.max", "many")), folder.resolve("atomic-bad.json"));
        long configWritesBefore = configTopicEnd();

        CliRun refused = CliRun.against(url, "apply", folder.toString(), "--timeout", "60s");
        assertEquals(ExitCodes.FAILED, refused.exitCode(), refused.toString());
        assertTrue(refused.out().contains("atomic-bad: not applied"), refused.toString());
        assertTrue(refused.out().contains("nothing applied: 1 of 2 connector(s) invalid; valid but held back: [atomic-good]"), refused.toString());
        assertTrue(!connect.connectors().contains("atomic-good"), "the valid one must not be created alone");
        assertEquals(configWritesBefore, configTopicEnd(), "no PUT at all");

        CliRun partial = CliRun.against(url, "apply", folder.toString(), "--allow-partial", "--timeout", "60s");
        assertEquals(ExitCodes.FAILED, partial.exitCode(), "still exit 1: something was not applied\n" + partial);
        assertTrue(partial.out().contains("atomic-good: RUNNING"), partial.toString());
        assertTrue(connect.connectors().contains("atomic-good") && !connect.connectors().contains("atomic-bad"), partial.toString());
    }

    /**
     * The defect this guards: a misspelt key passed validation and was silently ignored. Connect's validate answer
     * lists every key the plugin, Connect, the transforms and the predicates read; the rest are errors, with the
     * closest known key.
     */
    @Test
    @Order(10)
    void unknownKeysAreErrorsThatNameTheClosestKnownKey() throws Exception {
        Path typos = connectorFileWith("typo-sink", Map.of(
                "fiel", "/tmp/nowhere",
                "transforms", "addSource",
                "transforms.addSource.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                "transforms.addSource.static.field", "source",
                "transforms.addSource.statik.value", "ops-test",
                "consumer.override.isolation.level", "read_committed"));
        CliRun run = CliRun.against(url, "validate", typos.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
        assertTrue(run.out().contains("typo-sink (" + FileStreamSinkConnector.class.getName() + "): 2 field(s) with errors"), run.toString());
        assertTrue(run.out().contains("  fiel: unknown key: neither the plugin nor Connect reads it (did you mean 'file'?)"), run.toString());
        assertTrue(run.out().contains("  transforms.addSource.statik.value: unknown key: neither the plugin nor Connect reads it "
                + "(did you mean 'transforms.addSource.static.value'?)"), run.toString());
        assertTrue(!run.out().contains("consumer.override.isolation.level:"), "a client override the consumer knows is fine: " + run);
    }

    /**
     * The defect this guards: a reference the worker cannot resolve passed validation, and the task then failed
     * with a misleading parse error. Connect answers validate with resolved values: one still holding the reference
     * was not resolved on the worker.
     */
    @Test
    @Order(11)
    void aVariableTheWorkerCannotResolveIsNamed() throws Exception {
        Path file = connectorFileWith("unresolved-sink", Map.of("topics", "${env:TICKETSTREAM_OPS_TEST_NEVER_SET}"));
        CliRun validate = CliRun.against(url, "validate", file.toString());
        assertEquals(ExitCodes.FAILED, validate.exitCode(), validate.toString());
        assertTrue(validate.out().contains("  topics: unresolved variable ${env:TICKETSTREAM_OPS_TEST_NEVER_SET} on the worker: "
                + "environment variable TICKETSTREAM_OPS_TEST_NEVER_SET is not set on the worker"), validate.toString());
        CliRun apply = CliRun.against(url, "apply", file.toString());
        assertEquals(ExitCodes.FAILED, apply.exitCode(), apply.toString());
        assertTrue(!connect.connectors().contains("unresolved-sink"), "never submitted");

        // a variable the worker does have resolves, and passes
        Path resolvable = connectorFileWith("resolvable-sink", Map.of("file", "${env:PATH}"));
        CliRun ok = CliRun.against(url, "validate", resolvable.toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.toString());
    }

    @Test
    @Order(12)
    void describeShowsTheEffectiveConfigWithSecretsMasked() throws Exception {
        Path file = connectorFileWith("described-sink", Map.of("consumer.override.sasl.jaas.config", JAAS_WITH_PASSWORD,
                "file", "${env:PATH}"));
        assertEquals(ExitCodes.OK, CliRun.against(url, "apply", file.toString(), "--no-wait").exitCode());
        CliRun run = CliRun.against(url, "describe", "described-sink");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("described-sink (" + FileStreamSinkConnector.class.getName() + "): sink"), run.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("topics\\s+" + TOPIC + "\\s+set")), run.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("file\\s+\\$\\{env:PATH}\\s+set")),
                "references stay references, never resolved: " + run);
        assertTrue(lines.stream().anyMatch(l -> l.matches("errors.tolerance\\s+none\\s+default")), "defaults shown: " + run);
        assertTrue(run.out().contains("username=\"ops\" password=********;"), "the password inside the JAAS value: " + run);
        assertTrue(!run.out().contains("hunter2"), run.toString());
        CliRun json = CliRun.against(url, "describe", "described-sink", "-o", "json", "--no-defaults");
        JsonNode doc = JSON.readTree(json.out());
        assertTrue(!doc.path("config").has("errors.tolerance") && !json.out().contains("hunter2"), json.toString());
    }

    @Test
    @Order(13)
    void pluginsListsWhatTheWorkerCanLoad() throws Exception {
        CliRun run = CliRun.against(url, "plugins", "--type", "sink");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches(FileStreamSinkConnector.class.getName().replace(".", "\\.") + "\\s+sink\\s+\\S+")), run.toString());
        assertTrue(run.out().lines().skip(1).allMatch(l -> l.contains(" sink ")), run.toString());
        CliRun transforms = CliRun.against(url, "plugins", "--type", "transformation", "-o", "json");
        assertTrue(stream(JSON.readTree(transforms.out())).anyMatch(p -> p.path("class").asText().endsWith("InsertField$Value")), transforms.toString());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    /**
     * A real dead letter: Connect's JsonConverter cannot read a value, errors.tolerance=all sends it to the DLQ
     * with Connect's context headers; peek shows where it came from, the error and the value.
     */
    @Test
    @Order(14)
    void dlqPeekShowsKeyDecodedHeadersAndAValuePreview() throws Exception {
        String source = "ops-dlq-source";
        String dlq = "ops-test.dlq";
        connect.kafka().createTopic(source, 1);
        connect.kafka().createTopic(dlq, 1);
        Path file = connectorFileWith("dlq-sink", Map.of("topics", source,
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", dlq,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));
        assertEquals(ExitCodes.OK, CliRun.against(url, "apply", file.toString(), "--timeout", "60s").exitCode());
        connect.kafka().produce(source, "C-000123", "{\"customer_ref\": \"C-000123\", not json");
        TestUtils.waitForCondition(() -> CliRun.of("dlq", "peek", dlq, "-b", connect.kafka().bootstrapServers()).out().contains("@0"),
                WAIT_MS, "the bad record should reach the DLQ");

        CliRun peek = CliRun.of("dlq", "peek", dlq, "-b", connect.kafka().bootstrapServers(), "-n", "5");
        assertEquals(ExitCodes.OK, peek.exitCode(), peek.toString());
        String out = peek.out();
        assertTrue(out.startsWith(dlq + "-0@0  ") && out.contains("key: C-000123"), peek.toString());
        assertTrue(out.contains("  __connect.errors.topic = " + source), peek.toString());
        assertTrue(out.contains("  __connect.errors.connector.name = dlq-sink"), peek.toString());
        assertTrue(out.contains("  __connect.errors.stage = VALUE_CONVERTER"), peek.toString());
        assertTrue(out.contains("  __connect.errors.exception.class.name = org.apache.kafka.connect.errors.DataException"), peek.toString());
        assertTrue(out.lines().filter(l -> l.contains("__connect.errors.exception.stacktrace")).allMatch(l -> l.endsWith("(--full-traces)")), peek.toString());
        assertTrue(out.contains("  value: {\"customer_ref\": \"C-000123\", not json"), peek.toString());

        CliRun json = CliRun.of("dlq", "peek", dlq, "-b", connect.kafka().bootstrapServers(), "-o", "json");
        assertEquals("0", JSON.readTree(json.out()).get(0).path("headers").path("__connect.errors.partition").asText(), json.toString());
    }

    /**
     * Deleting a sink leaves its consumer group (connect-NAME) behind. sink-group delete removes it, but never the
     * group of a connector that still exists, nor one that has members.
     */
    @Test
    @Order(15)
    void deleteAConnectorThenItsOrphanedGroupButNeverALiveOne() throws Exception {
        String bootstrap = connect.kafka().bootstrapServers();
        Path file = connectorFileWith("orphan-sink", Map.of("topics", TOPIC,
                "consumer.override.auto.offset.reset", "earliest"));
        assertEquals(ExitCodes.OK, CliRun.against(url, "apply", file.toString(), "--timeout", "60s").exitCode());
        try (Admin admin = connect.kafka().createAdminClient()) {
            TestUtils.waitForCondition(() -> !admin.listConsumerGroupOffsets("connect-orphan-sink").partitionsToOffsetAndMetadata().get().isEmpty(),
                    WAIT_MS, "the sink should commit offsets");

            CliRun whileExists = CliRun.against(url, "sink-group", "delete", "orphan-sink", "-b", bootstrap);
            assertEquals(ExitCodes.PRECONDITION, whileExists.exitCode(), whileExists.toString());
            assertTrue(whileExists.out().contains("connect-orphan-sink: not deleted: connector orphan-sink still exists"), whileExists.toString());

            CliRun delete = CliRun.against(url, "delete", "orphan-sink");
            assertEquals(ExitCodes.OK, delete.exitCode(), delete.toString());
            assertTrue(!connect.connectors().contains("orphan-sink"));
            assertTrue(admin.listGroups().all().get().stream().anyMatch(g -> g.groupId().equals("connect-orphan-sink")),
                    "the group outlives the connector");
            // the task leaves the group as it stops: until then the group has a member and is refused
            TestUtils.waitForCondition(() -> CliRun.against(url, "sink-group", "delete", "orphan-sink", "-b", bootstrap).exitCode() == ExitCodes.OK,
                    WAIT_MS, "the orphaned group should be deleted once its task has stopped");
            assertTrue(admin.listGroups().all().get().stream().noneMatch(g -> g.groupId().equals("connect-orphan-sink")));

            // a group with a live member (a consumer elsewhere) is never deleted
            Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "connect-ghost-sink",
                    "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
            try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> member = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props)) {
                member.subscribe(List.of(TOPIC));
                TestUtils.waitForCondition(() -> {
                    member.poll(java.time.Duration.ofMillis(100));
                    return !member.assignment().isEmpty();
                }, WAIT_MS, "the stand-in member should join");
                CliRun live = CliRun.against(url, "sink-group", "delete", "ghost-sink", "-b", bootstrap);
                assertEquals(ExitCodes.PRECONDITION, live.exitCode(), live.toString());
                assertTrue(live.out().contains("connect-ghost-sink: not deleted: 1 member(s)"), live.toString());
            }
        }
    }
}
