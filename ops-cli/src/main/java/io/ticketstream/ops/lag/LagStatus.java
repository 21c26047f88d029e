package io.ticketstream.ops.lag;

/**
 * Health of one group on one partition over the sliding window of samples, after Burrow's evaluation rules.
 * The numeric code is what the Prometheus status gauge carries (alert on {@code > 0}).
 */
public enum LagStatus {
    /** Caught up at some point in the window, or making progress. */
    OK(0),
    /** Committing, but the lag grew across the whole window: falling behind. */
    WARN(1),
    /** Lag above zero and the committed offset did not move across the window. */
    STALL(2),
    /** No commit for longer than the stop threshold while new records kept arriving: the consumer is gone. */
    STOP(3),
    /** The committed offset went backwards (a reset or a replay). */
    REWIND(4),
    /** Not enough samples yet to judge (first sample with lag above zero). */
    UNKNOWN(-1);

    private final int code;

    LagStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Burrow-style group roll-up: ERR for any STALL/STOP/REWIND, WARN for any WARN, else OK. */
    public static String groupStatus(Iterable<LagStatus> partitions) {
        boolean warn = false;
        for (LagStatus s : partitions) {
            if (s == STALL || s == STOP || s == REWIND) {
                return "ERR";
            }
            warn |= s == WARN;
        }
        return warn ? "WARN" : "OK";
    }
}
