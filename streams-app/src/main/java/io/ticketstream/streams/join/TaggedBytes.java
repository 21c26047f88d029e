package io.ticketstream.streams.join;

import java.util.Arrays;

/**
 * The framing of the join stage's internal union types (on repartition topics only): one tag byte saying which case
 * follows, then that case's bytes in its own serde.
 */
public final class TaggedBytes {

    private TaggedBytes() {
    }

    public static byte[] tag(byte tag, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = tag;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    /** The bytes after the tag. */
    public static byte[] payload(byte[] tagged) {
        return Arrays.copyOfRange(tagged, 1, tagged.length);
    }
}
