package io.ticketstream.streams.normalize;

import org.apache.kafka.common.KafkaException;

/**
 * A raw change event that cannot become a {@link NormalizedRow}. Thrown from the normalising processor so
 * that Kafka Streams' processing exception handler dead-letters the raw record (KIP-1034) and moves on.
 *
 * <p>The message names the mapping, the field and a short preview of the value; the structured parts
 * are kept separately so the handler can put them in DLQ headers.
 */
public class NormalizationException extends KafkaException {

    private final ErrorKind kind;
    private final String mapping;
    private final String field;

    public NormalizationException(ErrorKind kind, String mapping, String field, String reason) {
        this(kind, mapping, field, reason, null);
    }

    public NormalizationException(ErrorKind kind, String mapping, String field, String reason, Throwable cause) {
        super(describe(kind, mapping, field, reason), cause);
        this.kind = kind;
        this.mapping = mapping;
        this.field = field;
    }

    private static String describe(ErrorKind kind, String mapping, String field, String reason) {
        return "[" + kind + "] mapping " + (mapping == null ? "?" : mapping)
                + (field == null ? "" : ", field " + field) + ": " + reason;
    }

    public ErrorKind kind() { return kind; }

    /** Mapping name, or null when the failure happened before the mapping was known. */
    public String mapping() { return mapping; }

    /** Canonical (or source) field name involved, or null for envelope-level failures. */
    public String field() { return field; }
}
