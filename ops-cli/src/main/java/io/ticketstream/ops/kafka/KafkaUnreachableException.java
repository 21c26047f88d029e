package io.ticketstream.ops.kafka;

/** Kafka could not be reached or did not answer; the message says why in words (exit code 3). */
public final class KafkaUnreachableException extends RuntimeException {
    public KafkaUnreachableException(String message) {
        super(message);
    }

    public KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
