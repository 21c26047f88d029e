package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Arrays;

/**
 * Serde of {@link DimensionOrSale} for the hop's repartition topic: one tag byte, then the payload in
 * the canonical single-object encoding. Written by hand because it is a two-case union framing two
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
                return tagged(SALE, saleSerde.serializer().serialize(topic, value.sale()));
            }
            if (value.dimension() == null) {
                return new byte[] {DIMENSION_DELETED};
            }
            return tagged(DIMENSION, dimensionSerde.serializer().serialize(topic, value.dimension()));
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
            byte[] payload = Arrays.copyOfRange(data, 1, data.length);
            return switch (data[0]) {
                case SALE -> DimensionOrSale.sale(saleSerde.deserializer().deserialize(topic, payload));
                case DIMENSION -> DimensionOrSale.dimension(dimensionSerde.deserializer().deserialize(topic, payload));
                case DIMENSION_DELETED -> DimensionOrSale.dimension(null);
                default -> throw new SerializationException("Unknown DimensionOrSale tag " + data[0] + " on " + topic);
            };
        };
    }

    private static byte[] tagged(byte tag, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = tag;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }
}
