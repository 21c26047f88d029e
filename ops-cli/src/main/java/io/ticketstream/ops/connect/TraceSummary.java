package io.ticketstream.ops.connect;

/**
 * The line of a Connect stack trace that says what went wrong. Connect wraps failures ("Tolerance exceeded in error
 * handler", "Exiting WorkerSinkTask due to unrecoverable exception"): the first line names the wrapper, the deepest
 * {@code Caused by:} the cause. Never cut: an error is only useful whole.
 */
public final class TraceSummary {

    private TraceSummary() {
    }

    /** The deepest {@code Caused by:} line without its prefix, else the first line; null for no trace. */
    public static String cause(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        String cause = null;
        for (String line : trace.strip().split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("Caused by: ")) {
                cause = stripped.substring("Caused by: ".length());
            }
        }
        return cause != null ? cause : trace.strip().lines().findFirst().orElse("").strip();
    }
}
