package io.ticketstream.connect.braze.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with jitter (half fixed, half random) so tasks that failed together spread out. */
public final class RetryBackoff {

    private final long initialMillis;
    private final long maxMillis;

    public RetryBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** Delay before retry number {@code attempt} (0-based). */
    public long delayMillis(int attempt) {
        long exp = attempt >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << attempt);
        long half = exp / 2;
        return half + ThreadLocalRandom.current().nextLong(exp - half + 1);
    }
}
