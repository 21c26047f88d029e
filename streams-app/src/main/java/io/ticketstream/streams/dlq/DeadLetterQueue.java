package io.ticketstream.streams.dlq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;

import io.ticketstream.streams.normalize.NormalizationException;

/**
 * The application's dead-letter queue, built on Kafka Streams' own support (KIP-1034): the exception
 * handlers return the DLQ records in their response and Kafka Streams produces them in the task's
 * transaction, so under exactly-once a record is either processed or dead-lettered, never both, never
 * neither.
 *
 * <p>A DLQ record holds the raw key and value bytes exactly as read, plus headers: Kafka Streams' standard
 * {@code __streams.errors.*} names (topic, partition, offset, exception, message; stack trace only for
 * unexpected exceptions) and ours ({@code ticketstream.*}: mapping, field, error kind).
 */
public final class DeadLetterQueue {

    /** Same names as Kafka Streams' built-in handlers, so standard tooling reads our DLQ records too. */
    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";

    public static final String HEADER_MAPPING = "ticketstream.mapping";
    public static final String HEADER_FIELD = "ticketstream.field";
    public static final String HEADER_ERROR_KIND = "ticketstream.error.kind";

    /** Error kind header value for exceptions that are not data problems (a bug, most likely). */
    public static final String KIND_UNEXPECTED = "UNEXPECTED";

    private DeadLetterQueue() {
    }

    /**
     * The Streams settings that route malformed input to {@code dlqTopic}: the DLQ topic name (KIP-1034)
     * and this package's deserialization and processing exception handlers.
     */
    public static Map<String, Object> streamsConfig(String dlqTopic) {
        if (dlqTopic == null || dlqTopic.isBlank()) {
            throw new IllegalArgumentException("the dead-letter topic name must not be blank");
        }
        return Map.of(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DlqDeserializationExceptionHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DlqProcessingExceptionHandler.class.getName());
    }

    /** The configured DLQ topic, or null when {@code errors.dead.letter.queue.topic.name} is unset. */
    static String topicFrom(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null || topic.toString().isBlank() ? null : topic.toString();
    }

    static ProducerRecord<byte[], byte[]> record(String dlqTopic, byte[] key, byte[] value, String sourceTopic,
                                                 int partition, long offset, Exception exception) {
        Headers headers = new RecordHeaders();
        NormalizationException normalization = normalizationCause(exception);
        Throwable reported = normalization != null ? normalization : exception;
        add(headers, HEADER_EXCEPTION, reported.getClass().getName());
        add(headers, HEADER_MESSAGE, String.valueOf(reported.getMessage()));
        add(headers, HEADER_TOPIC, sourceTopic);
        add(headers, HEADER_PARTITION, Integer.toString(partition));
        add(headers, HEADER_OFFSET, Long.toString(offset));
        if (normalization != null) {
            add(headers, HEADER_ERROR_KIND, normalization.kind().name());
            add(headers, HEADER_MAPPING, normalization.mapping());
            add(headers, HEADER_FIELD, normalization.field());
        } else {
            add(headers, HEADER_ERROR_KIND, kindOf(exception));
            add(headers, HEADER_STACKTRACE, stackTrace(exception));
        }
        return new ProducerRecord<>(dlqTopic, null, key, value, headers);
    }

    /** "[KIND] …" prefixed messages (deserializers) carry their kind in the text. */
    private static String kindOf(Exception exception) {
        String message = exception.getMessage();
        if (message != null && message.startsWith("[") && message.indexOf(']') > 1) {
            return message.substring(1, message.indexOf(']'));
        }
        return KIND_UNEXPECTED;
    }

    /**
     * The data problem behind a processing failure, if that is what it is: a {@link NormalizationException} or a
     * {@link io.ticketstream.streams.join.JoinDataException} in the cause chain. Bad input, not a bug: its message
     * names the mapping, field and value, and a stack trace would add nothing.
     */
    static RuntimeException dataProblemCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof NormalizationException || t instanceof io.ticketstream.streams.join.JoinDataException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    static NormalizationException normalizationCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof NormalizationException n) {
                return n;
            }
        }
        return null;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
