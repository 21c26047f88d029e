package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.TaggedBytes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link DimensionOrSale} for the sale-customer topic: one tag byte ({@link TaggedBytes}), then the payload
 * in the canonical single-object encoding. Written by hand because it is a two-case union framing two
 * existing serdes; a schema for it would add nothing.
 */
public final class DimensionOrSaleSerde<D> implements Serde<DimensionOrSale<D>> {

    private static final byte DIMENSION = 0;
    private static final byte DIMENSION_DELETED = 1;
    private static final byte SALE = 2;

    private final Serde<D> dimensionSerde;
    private final Serde<TicketSale> saleSerde;

    public DimensionOrSaleSerde(Serde<D> dimensionSerde, Serde<TicketSale> saleSerde) {
        this.dimensionSerde = dimensionSerde;
        this.saleSerde = saleSerde;
    }

    @Override
    public Serializer<DimensionOrSale<D>> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            if (value.isSale()) {
                return TaggedBytes.tag(SALE, saleSerde.serializer().serialize(topic, value.sale()));
            }
            if (value.dimension() == null) {
                return new byte[] {DIMENSION_DELETED};
            }
            return TaggedBytes.tag(DIMENSION, dimensionSerde.serializer().serialize(topic, value.dimension()));
        };
    }

    @Override
    public Deserializer<DimensionOrSale<D>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0) {
                throw new SerializationException("Empty DimensionOrSale on " + topic);
            }
            byte[] payload = TaggedBytes.payload(data);
            return switch (data[0]) {
                case SALE -> DimensionOrSale.sale(saleSerde.deserializer().deserialize(topic, payload));
                case DIMENSION -> DimensionOrSale.dimension(dimensionSerde.deserializer().deserialize(topic, payload));
                case DIMENSION_DELETED -> DimensionOrSale.dimension(null);
                default -> throw new SerializationException("Unknown DimensionOrSale tag " + data[0] + " on " + topic);
            };
        };
    }
}
