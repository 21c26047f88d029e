package io.ticketstream.schemas.serde;

import java.io.IOException;

import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * Reads a canonical record in Avro's single-object encoding written with ANY published version of its
 * entity, resolved into the generated class (Avro schema resolution fills fields the writer did not know
 * with their defaults). Null (a tombstone) stays null.
 */
public final class CanonicalDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final CanonicalEntity entity;
    private final SchemaCatalog catalog;
    private final BinaryMessageDecoder<T> decoder;

    public CanonicalDeserializer(Class<T> recordClass, SchemaCatalog catalog) {
        this.entity = CanonicalEntity.forClass(recordClass);
        this.catalog = catalog;
        TrustedGeneratedClasses.trust(entity.classSchema());
        // Only this entity's versions resolve: another entity's record on this topic is an error, not a
        // resolution attempt between unrelated records.
        this.decoder = new BinaryMessageDecoder<>(SpecificData.getForClass(recordClass), entity.classSchema(),
                catalog.storeFor(entity));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            // Any failure on an untrusted payload is a data problem, whatever Avro threw (it throws
            // UnsupportedOperationException for an absurd length, for one).
            throw new SerializationException("Cannot deserialize " + entity.schemaName() + " from "
                    + DecodeFailures.describe(topic, data, catalog, entity, e), e);
        }
    }
}
