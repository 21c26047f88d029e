package io.ticketstream.schemas.serde;

import java.util.Optional;
import java.util.OptionalLong;

import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * Explains why a single-object payload could not be decoded, naming the topic and the writer schema
 * fingerprint, so an operator reading a dead-letter record knows which producer and which schema to look at.
 * Shared by the Kafka deserializer and the Connect converter so both say the same thing.
 */
public final class DecodeFailures {

    private DecodeFailures() {
    }

    /**
     * @param expected the entity the reader expects, or null when any canonical entity is acceptable
     * @param cause    what Avro threw, or null when the payload was rejected before decoding
     * @return e.g. {@code topic 'ticketing.customer.v1', writer schema fingerprint 0x...: unknown fingerprint, ...}
     */
    public static String describe(String topic, byte[] payload, SchemaCatalog catalog, CanonicalEntity expected,
            Throwable cause) {
        OptionalLong fingerprint = SingleObjectHeader.fingerprint(payload);
        String where = "topic '" + topic + "', "
                + (fingerprint.isPresent() ? "writer schema fingerprint " + PublishedSchema.hex(fingerprint.getAsLong())
                        : "no writer schema fingerprint");
        return where + ": " + reason(payload, fingerprint, catalog, expected, cause);
    }

    private static String reason(byte[] payload, OptionalLong fingerprint, SchemaCatalog catalog,
            CanonicalEntity expected, Throwable cause) {
        if (payload.length >= 2 && !SingleObjectHeader.hasMarker(payload)) {
            return String.format("not Avro single-object encoding: the payload starts with 0x%02X 0x%02X, "
                    + "expected the marker 0xC3 0x01", payload[0], payload[1]);
        }
        if (fingerprint.isEmpty()) {
            return "the payload is " + payload.length + " bytes, shorter than the " + SingleObjectHeader.LENGTH
                    + "-byte single-object header (marker 0xC3 0x01 + 8-byte schema fingerprint)";
        }
        Optional<PublishedSchema> writer = catalog.byFingerprint(fingerprint.getAsLong());
        if (writer.isEmpty()) {
            return "unknown writer schema fingerprint: it is not a published version of any canonical schema "
                    + "(written by a producer with a newer, unpublished schema, or not a ticketstream record)";
        }
        if (expected != null && writer.get().entity() != expected) {
            return "the record was written with " + writer.get().label() + ", but " + expected.schemaName()
                    + " is expected here";
        }
        return "the body does not decode with writer schema " + writer.get().label()
                + " (corrupt or truncated payload of " + payload.length + " bytes): " + rootMessage(cause);
    }

    private static String rootMessage(Throwable cause) {
        if (cause == null) {
            return "no further detail";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
