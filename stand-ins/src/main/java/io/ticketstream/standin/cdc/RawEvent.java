package io.ticketstream.standin.cdc;

/**
 * One change event for a raw CDC topic: key and value are Debezium JSON (no embedded schema), exactly
 * what the Debezium connector would have written; a null value is a tombstone.
 */
public record RawEvent(String topic, String key, String value) {
}
