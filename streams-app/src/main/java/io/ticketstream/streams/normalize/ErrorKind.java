package io.ticketstream.streams.normalize;

/**
 * Why a raw change event could not be normalised. Travels to the dead-letter queue as a header so that
 * on-call engineers can group failures without parsing free-text messages.
 */
public enum ErrorKind {
    NOT_JSON,
    NOT_AN_OBJECT,
    MISSING_OP,
    UNKNOWN_OP,
    BAD_COMMIT_TIME,
    MISSING_ROW_IMAGE,
    MISSING_KEY,
    MISSING_REQUIRED,
    UNKNOWN_COLUMN,
    WRONG_TYPE,
    BAD_NUMBER,
    BAD_DECIMAL,
    BAD_TIMESTAMP,
    BAD_DATE,
    BAD_EXTENDED_JSON,
    ENUM_NOT_ALLOWED,
    NOTHING_USABLE,
    /** The raw record key is not the one the mapping's {@code partition_key} requires (co-partitioning broken). */
    WRONG_PARTITION_KEY
}
