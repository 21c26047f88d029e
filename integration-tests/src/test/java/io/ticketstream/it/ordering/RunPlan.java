package io.ticketstream.it.ordering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which runs the property test makes. By default, the CI set ({@link #CI}): every scenario on 3 and 6 partitions,
 * and on 1 partition all but the rebalance (one partition leaves a second instance only a standby task to take over,
 * the least of the three); each run with its own fixed seed (fixed, so CI is reproducible; different, so 14 worlds
 * are tried). System properties choose others:
 * <ul>
 *   <li>{@code -Dit.ordering.runs=backlog:3:42,kill-restart:6:7} exactly these runs (what a failure prints);</li>
 *   <li>{@code -Dit.ordering.seeds=N} N seeds for every selected scenario and partition count, from
 *       {@code -Dit.ordering.seed=S} (default: drawn now, printed) on; selections with
 *       {@code -Dit.ordering.scenarios=backlog,live-skew} and {@code -Dit.ordering.partitions=3,6}.</li>
 * </ul>
 */
final class RunPlan {

    static final String RUNS = "it.ordering.runs";
    static final String SEEDS = "it.ordering.seeds";
    static final String FIRST_SEED = "it.ordering.seed";
    static final String SCENARIOS = "it.ordering.scenarios";
    static final String PARTITIONS = "it.ordering.partitions";

    private static final List<Integer> ALL_PARTITIONS = List.of(1, 3, 6);

    /** The runs CI makes, about 6 minutes on the 2-core build machine when the outputs equal the oracle. */
    static final List<RunSpec> CI = List.of(
            new RunSpec(Scenario.BACKLOG, 1, 20_261_001), new RunSpec(Scenario.LIVE_SKEW, 1, 20_261_002),
            new RunSpec(Scenario.KILL_RESTART, 1, 20_261_003), new RunSpec(Scenario.QUIET_PARTITION, 1, 20_261_004),
            new RunSpec(Scenario.BACKLOG, 3, 20_261_011), new RunSpec(Scenario.LIVE_SKEW, 3, 20_261_012),
            new RunSpec(Scenario.KILL_RESTART, 3, 20_261_013), new RunSpec(Scenario.REBALANCE, 3, 20_261_014),
            new RunSpec(Scenario.QUIET_PARTITION, 3, 20_261_015),
            new RunSpec(Scenario.BACKLOG, 6, 20_261_021), new RunSpec(Scenario.LIVE_SKEW, 6, 20_261_022),
            new RunSpec(Scenario.KILL_RESTART, 6, 20_261_023), new RunSpec(Scenario.REBALANCE, 6, 20_261_024),
            new RunSpec(Scenario.QUIET_PARTITION, 6, 20_261_025));

    private RunPlan() {
    }

    static List<RunSpec> fromSystemProperties() {
        String runs = System.getProperty(RUNS, "");
        if (!runs.isBlank()) {
            return Arrays.stream(runs.split(",")).map(RunSpec::parse).toList();
        }
        List<Scenario> scenarios = listed(SCENARIOS).isEmpty() ? List.of(Scenario.values())
                : listed(SCENARIOS).stream().map(Scenario::of).toList();
        List<Integer> partitions = listed(PARTITIONS).isEmpty() ? ALL_PARTITIONS
                : listed(PARTITIONS).stream().map(Integer::parseInt).toList();
        String seeds = System.getProperty(SEEDS, "");
        if (seeds.isBlank()) {
            return CI.stream().filter(r -> scenarios.contains(r.scenario()) && partitions.contains(r.partitions())).toList();
        }
        long first = Long.parseLong(System.getProperty(FIRST_SEED, Long.toString(System.nanoTime() % 1_000_000_000L)));
        System.out.println("property test: " + seeds + " seed(s) per scenario and partition count from seed " + first
                + " (-D" + FIRST_SEED + "=" + first + " repeats them)");
        return plan(scenarios, partitions, Integer.parseInt(seeds), first);
    }

    /** {@code seeds} runs per scenario and partition count, every run with its own seed. */
    static List<RunSpec> plan(List<Scenario> scenarios, List<Integer> partitions, int seeds, long firstSeed) {
        List<RunSpec> runs = new ArrayList<>();
        long seed = firstSeed;
        for (int round = 0; round < seeds; round++) {
            for (int p : partitions) {
                for (Scenario scenario : scenarios) {
                    runs.add(new RunSpec(scenario, p, seed++));
                }
            }
        }
        return runs;
    }

    private static List<String> listed(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }
}
