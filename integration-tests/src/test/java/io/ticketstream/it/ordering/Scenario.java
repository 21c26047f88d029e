package io.ticketstream.it.ordering;

import java.util.Arrays;

/** The arrival patterns the property test puts the production topology through (issue 10, "Tests"). */
public enum Scenario {
    /** Everything written (commit times 13 days old, random interleaving of partitions), then the app starts. */
    BACKLOG("backlog"),
    /** The app runs while the world is written at commit pace, with raw topics or partitions held back and released. */
    LIVE_SKEW("live-skew"),
    /** A backlog; the app is killed (kill -9) mid-way, more is written while it is down, restarted, killed again. */
    KILL_RESTART("kill-restart"),
    /** Live writing; a second instance joins mid-run, then the first leaves (standby replicas on). */
    REBALANCE("rebalance"),
    /** Live writing; after the quiet tail only other partitions receive records, for longer than grace and tolerance. */
    QUIET_PARTITION("quiet-partition");

    private final String id;

    Scenario(String id) {
        this.id = id;
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
