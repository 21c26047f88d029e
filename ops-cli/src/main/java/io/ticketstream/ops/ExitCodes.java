package io.ticketstream.ops;

/**
 * Process exit codes, stable so CI pipelines can branch on them (documented in ops-cli/README.md).
 */
public final class ExitCodes {
    /** The command did what was asked (applied, valid, converged, found). */
    public static final int OK = 0;
    /** The command ran but the answer is "no": validation errors, not RUNNING in time, a failed task, lag not OK. */
    public static final int FAILED = 1;
    /** Bad flags or arguments, or a connector file that cannot be read or parsed. */
    public static final int USAGE = 2;
    /** Connect REST or Kafka could not be reached, TLS/auth failed, or an unexpected HTTP error (5xx, 401, 403). */
    public static final int UNREACHABLE = 3;
    /** A precondition the operator must fix: connector not found, worker rebalancing (409), offsets on a connector that is not STOPPED. */
    public static final int PRECONDITION = 4;

    private ExitCodes() {
    }
}
