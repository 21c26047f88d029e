package io.ticketstream.streams;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one KafkaStreams instance until it stops by itself (ERROR, or closed) or is asked to stop (SIGTERM
 * through a shutdown hook), and closes it with a bounded timeout either way.
 */
public final class StreamsLifecycle {

    /** Exit codes of {@link TicketstreamApp}. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_STREAMS_FAILED = 1;
    public static final int EXIT_BAD_CONFIG = 2;

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final KafkaStreams streams;
    private final Duration closeTimeout;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    StreamsLifecycle(KafkaStreams streams, Duration closeTimeout) {
        this.streams = streams;
        this.closeTimeout = closeTimeout;
        streams.setStateListener((now, before) -> {
            log.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                failed = true;
                stopped.countDown();
            } else if (now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
    }

    public void start() {
        streams.start();
    }

    /** Blocks until the instance stops by itself or {@link #close()} ran; returns the exit code. */
    public int awaitStop() throws InterruptedException {
        stopped.await();
        return close();
    }

    /** Closes within the timeout; idempotent. */
    public int close() {
        boolean closed = streams.close(CloseOptions.timeout(closeTimeout));
        if (!closed) {
            log.warn("Kafka Streams did not close within {}; exiting anyway (tasks resume from the last commit)", closeTimeout);
        }
        stopped.countDown();
        return failed ? EXIT_STREAMS_FAILED : EXIT_OK;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }
}
