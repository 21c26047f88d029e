package io.ticketstream.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.ticketstream.schemas.catalog.SchemaCatalog;

/** Serde of one canonical entity in Avro single-object encoding; see {@link CanonicalSerdes} for instances. */
public final class CanonicalSerde<T extends SpecificRecord> implements Serde<T> {

    private final CanonicalSerializer<T> serializer;
    private final CanonicalDeserializer<T> deserializer;

    public CanonicalSerde(Class<T> recordClass, SchemaCatalog catalog) {
        this.serializer = new CanonicalSerializer<>(recordClass, catalog);
        this.deserializer = new CanonicalDeserializer<>(recordClass, catalog);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
