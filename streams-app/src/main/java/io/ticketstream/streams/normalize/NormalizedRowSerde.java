package io.ticketstream.streams.normalize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde for {@link NormalizedRow}, for repartition topics and state stores. Internal to the
 * application (never on a canonical topic), hence a small tagged format rather than Avro: it round-trips
 * every allowed value exactly, including a BigDecimal's scale and the difference between an absent field
 * and a null one.
 *
 * <p>Layout: version byte, mapping, op, key, commitTs, partial, field count, then per field its name, a
 * type tag and the value. Strings are length-prefixed UTF-8.
 */
public final class NormalizedRowSerde implements Serde<NormalizedRow>, Serializer<NormalizedRow>, Deserializer<NormalizedRow> {

    private static final byte VERSION = 1;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INT = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DECIMAL = 5;
    private static final byte STRING_LIST = 6;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // stateless: nothing to configure
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<NormalizedRow> serializer() {
        return this;
    }

    @Override
    public Deserializer<NormalizedRow> deserializer() {
        return this;
    }

    @Override
    public byte[] serialize(String topic, NormalizedRow row) {
        if (row == null) {
            return null;
        }
        Writer out = new Writer(128);
        out.writeByte(VERSION);
        out.writeString(row.mapping());
        out.writeByte(row.op().ordinal());
        out.writeString(row.key());
        out.writeLong(row.commitTs());
        out.writeBoolean(row.partial());
        out.writeInt(row.fields().size());
        for (Map.Entry<String, Object> field : row.fields().entrySet()) {
            out.writeString(field.getKey());
            writeValue(out, field.getKey(), field.getValue());
        }
        return out.toByteArray();
    }

    @Override
    public NormalizedRow deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("NormalizedRow format version " + version + " on " + topic + ", expected " + VERSION);
            }
            String mapping = readString(in);
            NormalizedRow.Op op = NormalizedRow.Op.values()[in.get()];
            String key = readString(in);
            long commitTs = in.getLong();
            boolean partial = in.get() != 0;
            int count = in.getInt();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readString(in);
                fields.put(name, readValue(in));
            }
            return new NormalizedRow(mapping, op, key, fields, commitTs, partial);
        } catch (RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("corrupt NormalizedRow on " + topic + " (" + data.length + " bytes)", e);
        }
    }

    private static void writeValue(Writer out, String name, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            out.writeInt(d.scale());
            byte[] unscaled = d.unscaledValue().toByteArray();
            out.writeInt(unscaled.length);
            out.write(unscaled);
        } else if (value instanceof List<?> list) {
            out.writeByte(STRING_LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                if (!(element instanceof String s)) {
                    throw new SerializationException("field " + name + ": list element is "
                            + (element == null ? "null" : element.getClass().getSimpleName()) + ", only strings are allowed");
                }
                out.writeString(s);
            }
        } else {
            throw new SerializationException("field " + name + ": type " + value.getClass().getName()
                    + " is not allowed in a NormalizedRow (String, Long, Integer, Boolean, BigDecimal, List<String>)");
        }
    }

    private static Object readValue(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.getLong();
            case INT -> in.getInt();
            case BOOLEAN -> in.get() != 0;
            case DECIMAL -> {
                int scale = in.getInt();
                byte[] unscaled = new byte[in.getInt()];
                in.get(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case STRING_LIST -> {
                int size = in.getInt();
                List<String> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readString(in));
                }
                yield Collections.unmodifiableList(list);
            }
            default -> throw new SerializationException("unknown value tag " + tag);
        };
    }

    /** Decodes the UTF-8 bytes in place, without copying them out first. */
    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("truncated string");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /**
     * A growable big-endian buffer writing exactly what {@link java.io.DataOutputStream} writes for the same
     * calls (the format predates it), without the per-byte synchronisation of DataOutputStream over a
     * ByteArrayOutputStream: this serde runs several times per record (repartition topics, state stores),
     * and the streams benchmark's profile showed that locking and copying as a quarter of the stream thread's
     * samples.
     */
    private static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        /** Length-prefixed UTF-8. */
        void writeString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            write(utf8);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }
}
