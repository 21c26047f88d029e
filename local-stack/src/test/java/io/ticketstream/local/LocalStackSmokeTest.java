package io.ticketstream.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            // every SALE carries exactly its order's tickets (the traffic changes no ticket after PAID; a refund changes the
            // order only, and fact_ticket leaves refunded orders out)
            long[] salesChecked = new long[2];
            waitForCondition(() -> {
                salesChecked[0] = count(stack, SALES_WITH_THEIR_ORDERS_TICKETS, false);
                salesChecked[1] = count(stack, SALES_WITH_THEIR_ORDERS_TICKETS, true);
                return salesChecked[0] > 0 && salesChecked[1] == 0;
            }, WAIT_MS, 2_000, () -> salesChecked[1] + " of " + salesChecked[0] + " SALE rows disagree with their order's tickets");
            StatusSnapshot s = collector.collect();
            assertTrue(s.eventsPerSource().values().stream().allMatch(n -> n > 0), render(s));
            assertEquals(java.util.Set.of("aurora-catalog", "braze-subscriptions", "braze-users", "warehouse-landing"),
                    s.connectors().stream().filter(c -> c.task() < 0).map(StatusSnapshot.ConnectorLine::connector)
                            .collect(java.util.stream.Collectors.toSet()), render(s));
            assertTrue(stack.admin().listTopics().names().get().contains(StackTopics.AURORA_SIGNALS),
                    "Debezium's signal topic exists (it warned every 10 s without it)");
            platformTeamCommandsAgainstTheRunningStack(stack);
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

    /** SALE facts of orders in fact_ticket (latest version PAID), counted; with the suffix, those whose ticket_count differs. */
    private static final String SALES_WITH_THEIR_ORDERS_TICKETS = "SELECT count(*) FROM presentation.fact_ticket_sale s"
            + " JOIN (SELECT order_id, count(*) AS tickets FROM presentation.fact_ticket GROUP BY order_id) t"
            + " ON t.order_id = s.order_id WHERE s.sale_type = 'SALE'";

    private static long count(LocalStack stack, String query, boolean onlyDisagreeing) throws Exception {
        try (var connection = stack.warehouse().connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(query + (onlyDisagreeing ? " AND s.ticket_count <> t.tickets" : ""))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The documented {@code ./ticketstream ops apply connectors/ --env local}, with the --set values the stack prints
     * for its (here: free) ports, against the running stack: the defect this guards is that it used to replace the
     * stack's secrets with references the worker could not resolve, breaking Debezium's login and the Braze sinks.
     * Then the typo and unresolved-variable checks on the stack's real worker with the real Braze plugin.
     */
    private void platformTeamCommandsAgainstTheRunningStack(LocalStack stack) throws Exception {
        String connectUrl = "http://127.0.0.1:" + stack.settings().connectPort();
        String documented = stack.connectors().applyCommand();
        assertTrue(documented.startsWith("./ticketstream ops apply connectors/ --env local --connect-url " + connectUrl), documented);
        List<String> args = new ArrayList<>(List.of(documented.substring("./ticketstream ops ".length()).split(" ")));
        args.set(1, stack.settings().connectorsDir().toString());
        Ops apply = ops(args.toArray(String[]::new));
        assertEquals(0, apply.code(), apply.toString());
        for (String name : List.of("aurora-catalog", "braze-users", "braze-subscriptions", "warehouse-landing")) {
            assertTrue(apply.out().contains(name + ": unchanged"), apply.toString());
            assertTrue(apply.out().contains(name + ": RUNNING"), apply.toString());
        }

        // typos in a base file and in an overlay, on the real Braze plugin: errors naming the key meant
        Path connectors = Files.createDirectories(dataDir.resolve("typo-connectors"));
        copyTree(stack.settings().connectorsDir(), connectors);
        Path brazeUsers = connectors.resolve("base/braze-users.json");
        Files.writeString(brazeUsers, Files.readString(brazeUsers).replace("\"braze.track.max.objects\"", "\"braze.linger.msec\": \"50\",\n    \"braze.track.max.objects\""));
        Path local = connectors.resolve("env/local.json");
        Files.writeString(local, Files.readString(local).replace("\"braze-subscriptions\": {", "\"braze-subscriptions\": {\n      \"braze.rest.ulr\": \"http://127.0.0.1:1\","));
        List<String> validate = new ArrayList<>(args);
        validate.set(0, "validate");
        validate.set(1, connectors.toString());
        Ops typos = ops(validate.toArray(String[]::new));
        assertEquals(1, typos.code(), typos.toString());
        assertTrue(typos.out().contains("braze.linger.msec: unknown key: neither the plugin nor Connect reads it (did you mean 'braze.linger.ms'?)"), typos.toString());
        assertTrue(typos.out().contains("braze.rest.ulr: unknown key: neither the plugin nor Connect reads it (did you mean 'braze.rest.url'?)"), typos.toString());

        // a variable this worker does not have: named, instead of a failed task with a parse error later
        List<String> unresolved = new ArrayList<>(args);
        unresolved.set(0, "validate");
        unresolved.addAll(List.of("--set", "braze-users:transforms.attributes.subscription.groups=sms_opt_in:${env:TICKETSTREAM_SMOKE_NOT_SET}"));
        Ops missing = ops(unresolved.toArray(String[]::new));
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.out().contains("transforms.attributes.subscription.groups: unresolved variable ${env:TICKETSTREAM_SMOKE_NOT_SET} on the worker"), missing.toString());
    }

    private record Ops(int code, String out, String err) {
    }

    private static Ops ops(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        var cli = io.ticketstream.ops.OpsCli.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute(args);
        return new Ops(code, out.toString(), err.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String render(StatusSnapshot s) {
        return s == null ? "(none)" : StatusRenderer.details(s, "smoke test");
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
