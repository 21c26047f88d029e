package io.ticketstream.streams.join.progress;

/**
 * When a task that processed nothing for a while may be taken as caught up with its partitions. A processor cannot
 * see its consumer's lag, so quietness is the sign; but a task also goes quiet for a moment while it starts up,
 * restores its stores or waits for a fetch, with a backlog still to come. So:
 * <ul>
 *   <li>a task whose newest commit is recent (live: within {@link #LIVE_WINDOW_MS} of the wall clock) is caught up
 *       after {@code completeness.idle.ms} of quiet;</li>
 *   <li>any other (never processed a row, or on a backlog of old commits) only after
 *       {@code completeness.idle.backlog.ms}: long enough that no start-up or fetch pause passes for the end of the
 *       input (measured: with 200 ms, a restarted app called customers unknown that were still in its backlog).</li>
 * </ul>
 */
public final class CaughtUp {

    /** How recent the newest commit must be for a quiet task to be live rather than between two fetches of a backlog. */
    public static final long LIVE_WINDOW_MS = 60_000;

    private final long idleMs;
    private final long backlogIdleMs;

    public CaughtUp(long idleMs, long backlogIdleMs) {
        this.idleMs = idleMs;
        this.backlogIdleMs = backlogIdleMs;
    }

    public boolean isCaughtUp(long now, long lastActivity, long newestCommit) {
        boolean live = newestCommit != Horizon.NONE && now - newestCommit <= LIVE_WINDOW_MS;
        return now - lastActivity >= (live ? idleMs : backlogIdleMs);
    }
}
