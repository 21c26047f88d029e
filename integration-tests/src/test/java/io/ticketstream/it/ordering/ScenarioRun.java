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
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

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
        Differences differences = spec.scenario().script().play(this);
        RunResult result = new RunResult(spec, world.features(), world.deliveries().size(), expected.facts().size(),
                differences, failures, notes, phases, (System.nanoTime() - started) / 1_000_000);
        Files.writeString(dir.resolve("result.txt"), result.report(200), StandardCharsets.UTF_8);
        if (!result.passed()) {
            RunDump.write(dir, world, outputs);
        }
        return result;
    }

    // ---- the steps scenarios are made of ----

    RunSpec spec() {
        return spec;
    }

    AppSettings settings() {
        return settings;
    }

    World world() {
        return world;
    }

    SplittableRandom random() {
        return random;
    }

    GroupProgress progress() {
        return progress;
    }

    OutputCollector outputs() {
        return outputs;
    }

    void note(String note) {
        notes.add(note);
    }

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
    void generateBacklog(WorldShape shape) throws IOException {
        generate(shape, Instant.now().minus(BACKLOG_AGE).truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
    }

    /**
     * A live world's commit times start a moment from now, since the writer writes each record at its commit time;
     * on a busy machine generating can take seconds, so a world generated too late is generated again, later.
     */
    void generateLive(WorldShape shape) throws IOException {
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

    RawWriter writer() {
        return new RawWriter(kafka.bootstrapServers(), spec.partitions());
    }

    /** The live write without hold-backs, in a thread of its own so the scenario can act meanwhile. */
    CompletableFuture<RawWriter.LiveStats> writeInBackground(RawWriter writer) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return writer.live(world.deliveries(), HoldBacks.none());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** A live run tests the contract only if every record reached Kafka within the tolerance of its commit. */
    void checkPremise(RawWriter.LiveStats stats) {
        notes.add("live write: " + stats.records() + " records, the latest reached Kafka " + stats.maxLatenessMs()
                + " ms after its commit (" + stats.latest() + "); tolerance " + settings.toleranceMs() + " ms");
        if (stats.maxLatenessMs() > settings.toleranceMs()) {
            notes.add("PREMISE NOT MET: a record reached Kafka later than the tolerance after its commit (the writer fell"
                    + " behind on this machine); differences of this run may be legitimate");
        }
    }

    StreamsAppProcess startApp(String name) throws IOException {
        Path config = settings.write(dir.resolve(name + ".properties"), kafka.bootstrapServers(), dir.resolve("state-" + name.replaceAll("-restarted.*", "")));
        StreamsAppProcess app = StreamsAppProcess.start(name, config, dir.resolve(name + ".log"));
        apps.add(app);
        return app;
    }

    /** kill -9; the process is expected dead from now on. */
    void kill(StreamsAppProcess app) throws InterruptedException {
        apps.remove(app);
        app.kill();
    }

    /** SIGTERM: the app closes and leaves its group. */
    void stop(StreamsAppProcess app) throws InterruptedException {
        apps.remove(app);
        app.stop();
    }

    void awaitMembers(int members) throws InterruptedException {
        waitFor(() -> progress.stableMembers() == members, Duration.ofMinutes(3), "a stable group of " + members);
        phase("group stable with " + members + " member(s)");
    }

    /** Waits until the group has committed {@code share} of what is written; returns the share it had. */
    double awaitShare(double share, StreamsAppProcess app) throws Exception {
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
    Differences awaitOutcome() throws Exception {
        return awaitOutcome(() -> { });
    }

    /** @param observer runs at every check (a scenario watching the outputs meanwhile) */
    Differences awaitOutcome(Runnable observer) throws Exception {
        Differences[] last = new Differences[1];
        try {
            waitFor(() -> {
                observer.run();
                return progress.drained();
            }, DRAIN_TIMEOUT, "the app's group committing the end of its input");
            phase("inputs consumed");
        } catch (AssertionError stuck) {
            failures.add("the input was not consumed: " + stuck.getMessage() + "; behind: " + progress.notDrained());
            phase("gave up waiting for the input to be consumed");
            outputs.poll();
            return OutputComparison.compare(expected, outputs);
        }
        try {
            waitFor(() -> {
                observer.run();
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
    void waitFor(ThrowingCondition condition, Duration timeout, String what) throws InterruptedException {
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

    void phase(String name) {
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
    interface ThrowingCondition {
        boolean met() throws Exception;
    }
}
