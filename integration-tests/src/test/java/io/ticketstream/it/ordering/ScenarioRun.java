package io.ticketstream.it.ordering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.apache.kafka.test.NoRetryException;
import org.apache.kafka.test.TestUtils;

import io.ticketstream.it.ordering.harness.AppSettings;
import io.ticketstream.it.ordering.harness.ContractTopics;
import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.GroupProgress;
import io.ticketstream.it.ordering.harness.HoldBacks;
import io.ticketstream.it.ordering.harness.OutputCollector;
import io.ticketstream.it.ordering.harness.OutputComparison;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.harness.RunDump;
import io.ticketstream.it.ordering.harness.StreamsAppProcess;
import io.ticketstream.it.ordering.harness.TestBroker;
import io.ticketstream.it.ordering.oracle.Expected;
import io.ticketstream.it.ordering.world.RawTopics;
import io.ticketstream.it.ordering.world.World;
import io.ticketstream.it.ordering.world.WorldGenerator;
import io.ticketstream.it.ordering.world.WorldShape;
import io.ticketstream.schemas.catalog.CanonicalTopics;

/**
 * Runs one {@link RunSpec} end to end on an emptied KRaft broker: creates the contract's topics, generates the world,
 * writes it and runs the packaged app (one or two forked JVMs) as the scenario says, then waits — never sleeps —
 * until the app's group has committed the end of its inputs and the outputs equal the oracle, or the contract's
 * wall-clock bound (plus a generous margin for a loaded machine) has passed. Everything a run leaves (app logs, the
 * properties file, the differences) stays in its folder.
 */
final class ScenarioRun implements AutoCloseable {

    /** Backlog commit times: older than Kafka's default 7-day retention, as in the replay. */
    static final Duration BACKLOG_AGE = Duration.ofDays(13);
    /** Longest hold-back: the tolerance minus a margin for the writer's own lateness on a loaded machine. */
    static final long MARGIN_MS = 1_000;
    /** How long the inputs may take to be consumed: generous, the machine is shared. */
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    /** After the inputs are consumed, facts may still wait for the contract's bound; this much on top of it. */
    static final Duration SETTLE_MARGIN = Duration.ofSeconds(30);
    /**
     * Overrides how long to wait for the outputs once the inputs are consumed (default: the app's
     * completeness.max.wait.ms plus {@link #SETTLE_MARGIN}); only for exploring a topology known to fail faster.
     */
    static final String SETTLE_PROPERTY = "it.ordering.settle.seconds";

    private final RunSpec spec;
    private final Path dir;
    private final SplittableRandom random;
    private final List<String> notes = new ArrayList<>();
    /** What makes the run fail besides differences from the oracle (the input never consumed, an app that died). */
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final List<StreamsAppProcess> apps = new ArrayList<>();
    private AppSettings settings;
    private final TestBroker kafka;
    private OutputCollector outputs;
    private GroupProgress progress;
    private World world;
    private Expected expected;
    private long phaseStart;

    ScenarioRun(RunSpec spec, Path dir, TestBroker kafka) {
        this.spec = spec;
        this.dir = dir;
        this.kafka = kafka;
        // the world has its own stream from the seed; this one drives the scenario's choices
        this.random = new SplittableRandom(spec.seed() * 31 + spec.scenario().ordinal());
    }

    RunResult execute() throws Exception {
        long started = System.nanoTime();
        phaseStart = started;
        // A state directory left by an earlier run of the same id would be restored by the app as its own state.
        deleteRecursively(dir);
        Files.createDirectories(dir);
        settings = AppSettings.forScenarios(applicationId(), spec.scenario() == Scenario.REBALANCE ? 1 : 0);
        createTopics();
        phase("topics created");
        Differences differences = switch (spec.scenario()) {
            case BACKLOG -> backlog();
            case LIVE_SKEW -> liveSkew();
            case KILL_RESTART -> killRestart();
            case REBALANCE -> rebalance();
            case QUIET_PARTITION -> quietPartition();
        };
        RunResult result = new RunResult(spec, world.features(), world.deliveries().size(), expected.facts().size(),
                differences, failures, notes, phases, (System.nanoTime() - started) / 1_000_000);
        Files.writeString(dir.resolve("result.txt"), result.report(200), StandardCharsets.UTF_8);
        if (!result.passed()) {
            RunDump.write(dir, world, outputs);
        }
        return result;
    }

    // ---- scenarios ----

    private Differences backlog() throws Exception {
        generateBacklog(WorldShape.backlog(settings.graceMs()));
        try (RawWriter writer = writer()) {
            writer.backlog(world.deliveries(), random);
        }
        phase("world written");
        startApp("app-1");
        return awaitOutcome(() -> true);
    }

    private Differences liveSkew() throws Exception {
        startApp("app-1");
        awaitMembers(1);
        generateLive(WorldShape.live(settings.graceMs(), 5_000, 1_000));
        HoldBacks holdBacks = HoldBacks.draw(world, random, 4, settings.toleranceMs() - MARGIN_MS);
        notes.add("hold-backs: " + holdBacks);
        try (RawWriter writer = writer()) {
            checkPremise(writer.live(world.deliveries(), holdBacks));
        }
        phase("world written live");
        return awaitOutcome(() -> true);
    }

    private Differences killRestart() throws Exception {
        generateBacklog(WorldShape.backlog(settings.graceMs()));
        int split = world.deliveries().size() * 6 / 10;
        try (RawWriter writer = writer()) {
            writer.backlog(world.deliveries().subList(0, split), random);
            phase("60% of the world written");
            StreamsAppProcess first = startApp("app-1");
            double share = awaitShare(0.4, first);
            kill(first);
            notes.add(String.format("kill -9 of app-1 with %.0f%% of the written input committed", share * 100));
            phase("app-1 killed");
            writer.backlog(world.deliveries().subList(split, world.deliveries().size()), random);
            phase("rest written while the app was down");
        }
        StreamsAppProcess second = startApp("app-1-restarted");
        double share = awaitShare(0.75, second);
        if (share < 1.0 || !progress.drained()) {
            kill(second);
            notes.add(String.format("kill -9 of the restarted app with %.0f%% of the input committed", share * 100));
            phase("restarted app killed");
            startApp("app-1-restarted-again");
        } else {
            notes.add("second kill skipped: the restarted app had consumed everything before it could be killed");
        }
        return awaitOutcome(() -> true);
    }

    private Differences rebalance() throws Exception {
        StreamsAppProcess first = startApp("app-1");
        awaitMembers(1);
        generateLive(WorldShape.live(settings.graceMs(), 12_000, 1_000));
        try (RawWriter writer = writer()) {
            CompletableFuture<RawWriter.LiveStats> writing = writeInBackground(writer, HoldBacks.none());
            long total = world.deliveries().size();
            // started as the writing starts: its JVM start and join take seconds, so it joins while records flow
            startApp("app-2");
            waitFor(() -> progress.members() >= 2, Duration.ofMinutes(2), "app-2 joining the group");
            notes.add(String.format("app-2 joined with %.0f%% of the world written", 100.0 * writer.sent() / total));
            phase("app-2 joined");
            waitFor(() -> writer.sent() >= total * 2 / 3 || writing.isDone(), Duration.ofMinutes(2), "two thirds written");
            notes.add(String.format("app-1 told to leave (SIGTERM) with %.0f%% of the world written", 100.0 * writer.sent() / total));
            stop(first);
            phase("app-1 left");
            checkPremise(writing.get());
        }
        phase("world written live");
        return awaitOutcome(() -> true);
    }

    private Differences quietPartition() throws Exception {
        startApp("app-1");
        awaitMembers(1);
        // the other partitions keep going for longer than grace + tolerance after the quiet tail
        long continuation = spec.partitions() > 1 ? settings.graceMs() + settings.toleranceMs() + 1_000 : 0;
        generateLive(WorldShape.live(settings.graceMs(), 3_000, continuation));
        String ghostSale = world.quietTail().ghostOrderId() + "-SALE";
        String knownSale = world.quietTail().knownOrderId() + "-SALE";
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        try (RawWriter writer = writer()) {
            CompletableFuture<RawWriter.LiveStats> writing = writeInBackground(writer, HoldBacks.none());
            waitFor(() -> {
                seen(firstSeen, ghostSale, knownSale);
                return writing.isDone();
            }, Duration.ofMinutes(2), "the live write");
            checkPremise(writing.get());
        }
        phase("world written live");
        Differences differences = awaitOutcome(() -> {
            seen(firstSeen, ghostSale, knownSale);
            return true;
        });
        long paidAt = world.quietTail().lastPaidAt();
        notes.add("quiet tail on orders partition " + world.quietTail().ordersPartition() + ", customers partition "
                + world.quietTail().customersPartition() + "; last record on other partitions " + (world.lastEmittedAt() - paidAt)
                + " ms after its last sale");
        firstSeen.forEach((saleId, at) -> notes.add((saleId.equals(ghostSale) ? "the never-seen customer's " : "the known customer's ")
                + saleId + " published " + (at - paidAt) + " ms after the quiet tail's last PAID commit"));
        return differences;
    }

    // ---- shared steps ----

    private void createTopics() throws Exception {
        kafka.clear();
        ContractTopics.create(kafka.admin(), spec.partitions());
        List<String> outputTopics = new ArrayList<>(ContractTopics.ENTITY_TOPICS);
        outputTopics.addAll(ContractTopics.FACT_TOPICS);
        outputTopics.add(CanonicalTopics.STREAMS_DLQ);
        outputs = new OutputCollector(kafka.bootstrapServers(), outputTopics);
        progress = new GroupProgress(kafka.admin(), settings.applicationId(), RawTopics.CHANGE_TOPICS, RawTopics.TRANSACTION_TOPICS);
    }

    /** A backlog's commit times are 13 days old: older than Kafka's default 7-day retention, as in the replay. */
    private void generateBacklog(WorldShape shape) throws IOException {
        generate(shape, Instant.now().minus(BACKLOG_AGE).truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
    }

    /**
     * A live world's commit times start a moment from now, since the writer writes each record at its commit time;
     * on a busy machine generating can take seconds, so a world generated too late is generated again, later.
     */
    private void generateLive(WorldShape shape) throws IOException {
        long lead = 1_000;
        while (true) {
            long baseTs = System.currentTimeMillis() + lead;
            generate(shape, baseTs);
            if (System.currentTimeMillis() < baseTs - 200) {
                return;
            }
            lead *= 2;
            notes.add("world generated after its first commit time; generated again " + lead + " ms ahead");
        }
    }

    private void generate(WorldShape shape, long baseTs) throws IOException {
        world = WorldGenerator.generate(spec.seed(), spec.partitions(), shape, baseTs);
        expected = Expected.from(world.deliveries(), settings.graceMs());
        StringBuilder summary = new StringBuilder("world of seed " + spec.seed() + ", " + spec.partitions() + " partitions, base "
                + Instant.ofEpochMilli(baseTs) + ": " + world.deliveries().size() + " records, " + expected.facts().size()
                + " expected facts\n");
        world.features().forEach((feature, count) -> summary.append("  ").append(feature).append(": ").append(count).append('\n'));
        Files.writeString(dir.resolve("world.txt"), summary, StandardCharsets.UTF_8);
        phase("world generated");
    }

    /** Its own per run: no group, offsets or transactional id left by an earlier run on the same broker. */
    private String applicationId() {
        return AppSettings.APPLICATION_ID + "-" + spec.id().replace(':', '-');
    }

    private RawWriter writer() {
        return new RawWriter(kafka.bootstrapServers(), spec.partitions());
    }

    private CompletableFuture<RawWriter.LiveStats> writeInBackground(RawWriter writer, HoldBacks holdBacks) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return writer.live(world.deliveries(), holdBacks);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** A live run tests the contract only if every record reached Kafka within the tolerance of its commit. */
    private void checkPremise(RawWriter.LiveStats stats) {
        notes.add("live write: " + stats.records() + " records, the latest reached Kafka " + stats.maxLatenessMs()
                + " ms after its commit (" + stats.latest() + "); tolerance " + settings.toleranceMs() + " ms");
        if (stats.maxLatenessMs() > settings.toleranceMs()) {
            notes.add("PREMISE NOT MET: a record reached Kafka later than the tolerance after its commit (the writer fell"
                    + " behind on this machine); differences of this run may be legitimate");
        }
    }

    private StreamsAppProcess startApp(String name) throws IOException {
        Path config = settings.write(dir.resolve(name + ".properties"), kafka.bootstrapServers(), dir.resolve("state-" + name.replaceAll("-restarted.*", "")));
        StreamsAppProcess app = StreamsAppProcess.start(name, config, dir.resolve(name + ".log"));
        apps.add(app);
        return app;
    }

    /** kill -9; the process is expected dead from now on. */
    private void kill(StreamsAppProcess app) throws InterruptedException {
        apps.remove(app);
        app.kill();
    }

    /** SIGTERM: the app closes and leaves its group. */
    private void stop(StreamsAppProcess app) throws InterruptedException {
        apps.remove(app);
        app.stop();
    }

    private void awaitMembers(int members) throws InterruptedException {
        waitFor(() -> progress.stableMembers() == members, Duration.ofMinutes(3), "a stable group of " + members);
        phase("group stable with " + members + " member(s)");
    }

    /** Waits until the group has committed {@code share} of what is written; returns the share it had. */
    private double awaitShare(double share, StreamsAppProcess app) throws Exception {
        double[] seen = new double[1];
        TestUtils.waitForCondition(() -> {
            requireAlive(app);
            seen[0] = progress.rawShareCommitted();
            return seen[0] >= share;
        }, DRAIN_TIMEOUT.toMillis(), 50, () -> "the app never committed " + share + " of its input");
        return seen[0];
    }

    /**
     * Until the inputs are consumed (and {@code inputsWritten}), then until the outputs equal the oracle or the bound
     * has passed; returns the differences then.
     */
    private Differences awaitOutcome(BooleanSupplier observer) throws Exception {
        Differences[] last = new Differences[1];
        try {
            waitFor(() -> observer.getAsBoolean() && progress.drained(), DRAIN_TIMEOUT, "the app's group committing the end of its input");
            phase("inputs consumed");
        } catch (AssertionError stuck) {
            failures.add("the input was not consumed: " + stuck.getMessage() + "; behind: " + progress.notDrained());
            phase("gave up waiting for the input to be consumed");
            outputs.poll();
            return OutputComparison.compare(expected, outputs);
        }
        try {
            waitFor(() -> {
                observer.getAsBoolean();
                outputs.poll();
                last[0] = OutputComparison.compare(expected, outputs);
                return last[0].clean() || !last[0].couldStillResolve();
            }, settleTimeout(), "the outputs equalling the oracle");
            phase(last[0].clean() ? "outputs equal the oracle" : "outputs differ for good");
        } catch (AssertionError notEqual) {
            if (last[0] == null) {
                throw notEqual; // the comparison itself never completed: its exception is the cause
            }
            notes.add("outputs still differ from the oracle " + settleTimeout().toMillis() + " ms after the inputs were consumed");
            phase("gave up waiting for the outputs");
        }
        return last[0];
    }

    private Duration settleTimeout() {
        String override = System.getProperty(SETTLE_PROPERTY, "");
        return override.isBlank() ? Duration.ofMillis(settings.maxWaitMs()).plus(SETTLE_MARGIN) : Duration.ofSeconds(Long.parseLong(override));
    }

    /** A wait-for-condition that also fails at once, with its log, when an app process died. */
    private void waitFor(ThrowingCondition condition, Duration timeout, String what) throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            apps.forEach(ScenarioRun::requireAlive);
            return condition.met();
        }, timeout.toMillis(), 100, () -> "timed out after " + timeout + " waiting for " + what);
    }

    /** A dead app ends the wait at once (a plain assertion error would be retried until the timeout). */
    private static void requireAlive(StreamsAppProcess app) {
        try {
            app.requireAlive();
        } catch (AssertionError died) {
            throw new NoRetryException(died);
        }
    }

    private void seen(Map<String, Long> firstSeen, String... saleIds) {
        outputs.poll();
        long now = System.currentTimeMillis();
        for (String saleId : saleIds) {
            if (!firstSeen.containsKey(saleId) && outputs.records(CanonicalTopics.TICKET_SALE).stream()
                    .anyMatch(o -> o.key() != null && saleId.startsWith(o.key() + "-"))) {
                firstSeen.put(saleId, now);
            }
        }
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    @Override
    public void close() {
        for (StreamsAppProcess app : apps) {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("stopping " + app.name() + " failed: " + e);
            }
        }
        if (outputs != null) {
            outputs.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean met() throws Exception;
    }
}
