package io.ticketstream.ops.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * Polls a connector's status until it and all its tasks are RUNNING, or it FAILED, or time runs out.
 * A verdict must hold for {@code settlePolls} consecutive polls: right after a config PUT the status still shows
 * the previous generation (old tasks RUNNING, or the old failure) for a moment, and one lucky poll must not pass.
 */
public final class ConvergenceWaiter {

    public enum Verdict { RUNNING, FAILED, TIMED_OUT }

    public record Outcome(Verdict verdict, Optional<ConnectorHealth> last) {
    }

    private final ConnectClient client;
    private final Duration pollInterval;
    private final int settlePolls;

    public ConvergenceWaiter(ConnectClient client, Duration pollInterval, int settlePolls) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.settlePolls = Math.max(1, settlePolls);
    }

    public Outcome await(String connector, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Verdict candidate = null;
        int streak = 0;
        ConnectorHealth last = null;
        while (true) {
            try {
                last = ConnectorHealth.parse(client.status(connector));
                Verdict now = last.fullyRunning() ? Verdict.RUNNING : last.anyFailed() ? Verdict.FAILED : null;
                streak = now != null && now == candidate ? streak + 1 : (now == null ? 0 : 1);
                candidate = now;
                if (candidate != null && streak >= settlePolls) {
                    return new Outcome(candidate, Optional.of(last));
                }
            } catch (ConnectHttpException e) {
                // 404 just after create (status not yet written) or 409 during a rebalance: keep waiting.
                if (e.status() != 404 && e.status() != 409) {
                    throw e;
                }
                candidate = null;
                streak = 0;
            }
            if (System.nanoTime() >= deadline) {
                return new Outcome(Verdict.TIMED_OUT, Optional.ofNullable(last));
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis()); // polling a remote REST API: there is nothing to be notified by
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectUnreachableException("interrupted while waiting for the connector", e);
        }
    }
}
