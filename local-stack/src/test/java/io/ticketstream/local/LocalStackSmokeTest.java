package io.ticketstream.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ticketstream.local.kafka.StackTopics;
import io.ticketstream.local.status.StatusRenderer;
import io.ticketstream.local.status.StatusSnapshot;
import io.ticketstream.local.warehouse.StarSchema;
import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.kafka.test.TestUtils.waitForCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole stack, as {@code ./ticketstream up} starts it, on free ports and a temporary data folder with a small
 * traffic rate: records reach every canonical topic, the Braze simulator accepts objects, the warehouse's
 * star schema has rows; then everything stops and leaves no PostgreSQL process and no bound port behind.
 */
class LocalStackSmokeTest {

    private static final long WAIT_MS = 8 * 60_000L; // a shared 2-core machine: generous, never a timing assertion

    @TempDir
    Path dataDir;

    @Test
    void wholePipelineRunsAndStopsCleanly() throws Exception {
        // @TempDir is mode 0700; PostgreSQL runs as OS user postgres when we are root and must traverse it.
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int[] ports = {freePort(), freePort(), freePort(), freePort(), freePort()};
        StackSettings settings = new StackSettings(PluginPath.projectRoot(), dataDir, ports[0], ports[1], ports[2],
                ports[3], ports[4], 4.0, 7L, 100);
        StatusSnapshot[] last = new StatusSnapshot[1];
        LocalStack stack = new LocalStack(settings);
        try {
            stack.start();
            var collector = stack.statusCollector();
            waitForCondition(() -> {
                StatusSnapshot s = collector.collect();
                last[0] = s;
                return s.recordsPerCanonicalTopic().values().stream().allMatch(n -> n > 0);
            }, WAIT_MS, 2_000, () -> "records on every canonical topic; last status:\n" + render(last[0]));
            waitForCondition(() -> stack.braze().stats().acceptedObjects() > 0, WAIT_MS, 2_000,
                    () -> "Braze simulator accepted objects; last status:\n" + render(collector.collect()));
            waitForCondition(() -> stack.warehouse().rowCounts().values().stream().allMatch(n -> n > 0),
                    WAIT_MS, 2_000, () -> "star schema rows in every fact and dimension; last status:\n" + render(collector.collect()));
            try (var connection = stack.warehouse().connect()) {
                // every fact row joins a dimension row or the unknown member, on data the real pipeline landed
                var joins = new io.ticketstream.warehouse.check.WarehouseChecks(connection).insideTheWarehouse().get(0);
                assertTrue(joins.ok(), joins::toString);
            }
            StatusSnapshot s = collector.collect();
            assertTrue(s.eventsPerSource().values().stream().allMatch(n -> n > 0), render(s));
            assertEquals(java.util.Set.of("aurora-catalog", "braze-subscriptions", "braze-users", "warehouse-landing"),
                    s.connectors().stream().filter(c -> c.task() < 0).map(StatusSnapshot.ConnectorLine::connector)
                            .collect(java.util.stream.Collectors.toSet()), render(s));
        } finally {
            stack.close();
        }
        for (int port : ports) {
            assertTrue(isFree(port), "port " + port + " is free after stop");
        }
        assertFalse(postgresRunningOn(settings.postgresDataDir()), "no postgres process of " + settings.postgresDataDir());
        assertTrue(Files.isDirectory(settings.kafkaDir()), "the data folder is kept");
        assertTrue(StackTopics.raw().size() == 7);
    }

    private static String render(StatusSnapshot s) {
        return s == null ? "(none)" : StatusRenderer.render(s, "smoke test");
    }

    private static boolean postgresRunningOn(Path dataDir) throws IOException {
        ProcessHandle[] all = ProcessHandle.allProcesses().toArray(ProcessHandle[]::new);
        for (ProcessHandle p : all) {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains("postgres") && cmd.contains(dataDir.toString()) && p.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
