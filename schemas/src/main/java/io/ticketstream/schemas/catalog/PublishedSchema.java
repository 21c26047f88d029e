package io.ticketstream.schemas.catalog;

import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One published version of a canonical schema.
 *
 * @param fingerprint CRC-64-AVRO of the schema's Parsing Canonical Form, the value carried in the
 *                    single-object header. Versions that differ only in docs or defaults share it.
 */
public record PublishedSchema(CanonicalEntity entity, int version, Schema schema, long fingerprint) {

    public PublishedSchema {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version of " + entity.schemaName() + " must be >= 1, was " + version);
        }
        if (!entity.fullName().equals(schema.getFullName())) {
            throw new IllegalArgumentException("published " + entity.schemaName() + " v" + version + " defines "
                    + schema.getFullName() + ", expected " + entity.fullName());
        }
    }

    public static PublishedSchema of(CanonicalEntity entity, int version, Schema schema) {
        return new PublishedSchema(entity, version, schema, fingerprintOf(schema));
    }

    public static long fingerprintOf(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as 16 hex digits, most significant first (the wire carries it little-endian). */
    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }

    public String fingerprintHex() {
        return hex(fingerprint);
    }

    /** E.g. {@code Customer v2}. */
    public String label() {
        return entity.schemaName() + " v" + version;
    }

    @Override
    public String toString() {
        return label() + " (" + fingerprintHex() + ")";
    }
}
