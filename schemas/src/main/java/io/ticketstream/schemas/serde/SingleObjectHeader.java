package io.ticketstream.schemas.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * Reads the header of Avro's single-object encoding ({@code 0xC3 0x01} + 8-byte little-endian CRC-64-AVRO
 * fingerprint) for routing, caching and error messages only. Decoding itself, header validation included,
 * is done by Avro's {@code BinaryMessageDecoder}.
 */
public final class SingleObjectHeader {

    public static final byte MARKER_0 = (byte) 0xC3;
    public static final byte MARKER_1 = (byte) 0x01;
    /** Marker + fingerprint. */
    public static final int LENGTH = 10;

    private SingleObjectHeader() {
    }

    /** True when the payload starts with the single-object marker. */
    public static boolean hasMarker(byte[] payload) {
        return payload.length >= 2 && payload[0] == MARKER_0 && payload[1] == MARKER_1;
    }

    /** The fingerprint, when the payload has the marker and a whole header. */
    public static OptionalLong fingerprint(byte[] payload) {
        if (payload.length < LENGTH || !hasMarker(payload)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }
}
