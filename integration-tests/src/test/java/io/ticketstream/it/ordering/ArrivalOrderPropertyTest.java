package io.ticketstream.it.ordering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import io.ticketstream.it.ordering.harness.TestBroker;

/**
 * Issue 10's evidence: the production topology — the packaged jar, run as a user runs it, exactly_once_v2 — on a
 * real KRaft broker, fed a generated consistent world in the contract's input layout, under every arrival pattern of
 * {@link Scenario} on 1, 3 and 6 partitions, must publish exactly what the oracle computes from the input alone:
 * every fact once with all its fields, SALE before REVERSAL per key, the last state of every Customer, Performance
 * and Order key, and nothing dead-lettered. A failing run prints its seed, partition count and scenario, the command
 * that replays it, and the first 20 differences; {@code target/ordering-runs/} keeps each run's logs and a summary.
 *
 * <p>Which runs: {@link RunPlan}. See integration-tests/README.md. Tagged {@value #TAG}: part of the default suite;
 * {@code -Dsurefire.excludedGroups=capture,ordering} leaves it out.
 */
@Tag(ArrivalOrderPropertyTest.TAG)
class ArrivalOrderPropertyTest {

    static final String TAG = "ordering";

    static final Path RUNS_DIR = Path.of("target", "ordering-runs");

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> outputsEqualTheOracleWhateverTheArrivalOrder() {
        return RunPlan.fromSystemProperties().stream().map(spec -> DynamicTest.dynamicTest(spec.id(), () -> run(spec)));
    }

    private static void run(RunSpec spec) throws Exception {
        RunResult result;
        Path dir = RUNS_DIR.resolve(spec.id().replace(':', '-'));
        try (ScenarioRun run = new ScenarioRun(spec, dir, broker)) {
            result = run.execute();
        } catch (Exception | AssertionError e) {
            throw new AssertionError("run " + spec.id() + " (scenario " + spec.scenario().id() + ", " + spec.partitions()
                    + " partition(s), seed " + spec.seed() + ") broke off: " + e.getMessage() + "\nlogs in " + dir.toAbsolutePath()
                    + "\nreplay this run: " + spec.replayCommand(), e);
        }
        String report = result.report(20);
        System.out.println(report);
        appendSummary(result);
        assertTrue(result.passed(), report);
    }

    /** One line per run, for comparing runs (and the before/after). */
    private static synchronized void appendSummary(RunResult result) throws IOException {
        Path summary = RUNS_DIR.resolve("summary.tsv");
        Files.createDirectories(RUNS_DIR);
        if (!Files.exists(summary)) {
            Files.writeString(summary, "run\tpassed\tseconds\texpected_facts\tdifferences\n", StandardCharsets.UTF_8);
        }
        String categories = result.differences().categories().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        Files.writeString(summary, String.join("\t", result.spec().id(), Boolean.toString(result.passed()),
                        String.format("%.1f", result.durationMillis() / 1000.0), Integer.toString(result.expectedFacts()), categories) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
