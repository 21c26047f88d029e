package io.ticketstream.it.ordering;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ticketstream.it.ordering.harness.Differences;

/** What one run did, how long each phase took, and what differed from the oracle. */
record RunResult(RunSpec spec, Map<String, Integer> features, int records, int expectedFacts, Differences differences,
                 List<String> failures, List<String> notes, Map<String, Long> phaseMillis, long durationMillis) {

    boolean passed() {
        return differences.clean() && failures.isEmpty();
    }

    String report(int maxDetails) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(spec.id()).append(" (scenario ").append(spec.scenario().id()).append(", ")
                .append(spec.partitions()).append(" partition(s), seed ").append(spec.seed()).append("): ")
                .append(passed() ? "outputs equal the oracle" : differences.clean() ? "FAILED" : "OUTPUTS DIFFER FROM THE ORACLE")
                .append(" in ").append(durationMillis / 1000.0).append(" s\n");
        out.append("  ").append(records).append(" raw records, ").append(expectedFacts).append(" expected facts\n");
        out.append("  phases (ms): ").append(phaseMillis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        notes.forEach(note -> out.append("  ").append(note).append('\n'));
        failures.forEach(failure -> out.append("  FAILED: ").append(failure).append('\n'));
        if (!passed()) {
            out.append("differences by category:\n").append(differences.summary()).append('\n');
            out.append("first ").append(maxDetails).append(" facts/keys that differ (expected vs actual):\n")
                    .append(differences.details(maxDetails)).append('\n');
            out.append("replay this run: ").append(spec.replayCommand()).append('\n');
        }
        return out.toString();
    }
}
