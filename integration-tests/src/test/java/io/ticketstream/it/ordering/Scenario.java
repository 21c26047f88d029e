package io.ticketstream.it.ordering;

import java.util.Arrays;
import java.util.function.Supplier;

/** The arrival patterns the property test puts the production topology through (issue 10, "Tests"). */
public enum Scenario {
    /** Everything written (commit times 13 days old, random interleaving of partitions), then the app starts. */
    BACKLOG("backlog", BacklogScript::new),
    /** The app runs while the world is written at commit pace, with raw topics or partitions held back and released. */
    LIVE_SKEW("live-skew", LiveSkewScript::new),
    /** A backlog; the app is killed (kill -9) mid-way, more is written while it is down, restarted, killed again. */
    KILL_RESTART("kill-restart", KillRestartScript::new),
    /** Live writing; a second instance joins mid-run, then the first leaves (standby replicas on). */
    REBALANCE("rebalance", RebalanceScript::new),
    /** Live writing; after the quiet tail only other partitions receive records, for longer than grace and tolerance. */
    QUIET_PARTITION("quiet-partition", QuietPartitionScript::new);

    private final String id;
    private final Supplier<ScenarioScript> script;

    Scenario(String id, Supplier<ScenarioScript> script) {
        this.id = id;
        this.script = script;
    }

    ScenarioScript script() {
        return script.get();
    }

    public String id() {
        return id;
    }

    public static Scenario of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id) || s.name().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "' (known: "
                        + Arrays.stream(values()).map(Scenario::id).toList() + ")"));
    }
}
