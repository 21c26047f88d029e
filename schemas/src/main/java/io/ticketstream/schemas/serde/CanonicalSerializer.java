package io.ticketstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * Writes a canonical record in Avro's single-object encoding with its generated class's schema, which
 * the build guarantees is the entity's latest published version. Null (a tombstone) stays null.
 */
public final class CanonicalSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final CanonicalEntity entity;
    private final PublishedSchema writer;
    private final BinaryMessageEncoder<T> encoder;

    public CanonicalSerializer(Class<T> recordClass, SchemaCatalog catalog) {
        this.entity = CanonicalEntity.forClass(recordClass);
        long fingerprint = PublishedSchema.fingerprintOf(entity.classSchema());
        // Refuse to write what no reader's catalog could resolve.
        this.writer = catalog.byFingerprint(fingerprint).orElseThrow(() -> new IllegalStateException(
                "the schema of " + recordClass.getName() + " (fingerprint " + PublishedSchema.hex(fingerprint)
                        + ") is not a published version of " + entity.schemaName()
                        + "; publish it (see schemas/README.md) before producing with it"));
        this.encoder = new BinaryMessageEncoder<>(SpecificData.getForClass(recordClass), entity.classSchema());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(data, out);
        } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            // Avro reports a null in a required field as an NPE naming the field; keep its message.
            throw new SerializationException("Cannot serialize " + entity.schemaName() + " for topic '" + topic
                    + "' with writer schema " + writer + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
