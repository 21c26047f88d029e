package io.ticketstream.it.ordering.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What differs between the oracle and the app's output: a count per category (for the run's summary and the
 * report to compare runs) and one readable line per fact or key, in the order found.
 */
public final class Differences {

    private final Map<String, Integer> categories = new TreeMap<>();
    private final Map<String, List<String>> details = new LinkedHashMap<>();

    /** Records one difference of {@code subject} (a sale_id, or {@code topic key}). */
    void add(String category, String subject, String detail) {
        categories.merge(category, 1, Integer::sum);
        details.computeIfAbsent(subject, s -> new ArrayList<>()).add(detail);
    }

    public boolean clean() {
        return categories.isEmpty();
    }

    /**
     * Whether waiting could still change the outcome: a fact not published yet, or an entity topic whose last record
     * is not the final state yet. A published fact is final (the topic is append-only), so a wrong field, a duplicate,
     * an unexpected fact, a REVERSAL before its SALE or a dead-lettered record can never be repaired.
     */
    public boolean couldStillResolve() {
        return categories.keySet().stream().anyMatch(c -> c.startsWith("facts: missing") || c.startsWith("customer:")
                || c.startsWith("performance:") || c.startsWith("order:"));
    }

    public Map<String, Integer> categories() {
        return categories;
    }

    /** Category counts on one line each. */
    public String summary() {
        return categories.entrySet().stream().map(e -> String.format("  %-55s %d", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** The first {@code max} subjects with everything that differs for each. */
    public String details(int max) {
        String shown = details.entrySet().stream().limit(max)
                .map(e -> "  " + e.getKey() + ":\n      " + String.join("\n      ", e.getValue()))
                .collect(Collectors.joining("\n"));
        return details.size() > max ? shown + "\n  ... and " + (details.size() - max) + " more" : shown;
    }
}
