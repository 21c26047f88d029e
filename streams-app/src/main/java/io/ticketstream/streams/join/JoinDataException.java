package io.ticketstream.streams.join;

/**
 * A normalised row the join stage cannot turn into a canonical record (a required field missing, an
 * enum symbol the Avro contract does not know, a partial update with no state to merge into).
 *
 * <p>Thrown before any state is changed, so Kafka Streams' processing exception handler can dead-letter
 * the input record and carry on: the message always names the mapping, the key, the field and the value,
 * because that message is what the on-call engineer reads in the DLQ headers.
 */
public class JoinDataException extends RuntimeException {

    public JoinDataException(String mapping, String key, String field, Object value, String reason) {
        super(mapping + " row " + key + ": field '" + field + "' = " + (value == null ? "null" : "'" + value + "'")
                + ": " + reason);
    }

    public JoinDataException(String message) {
        super(message);
    }
}
