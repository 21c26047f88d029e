package io.ticketstream.streams.normalize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, row.mapping());
            out.writeByte(row.op().ordinal());
            writeString(out, row.key());
            out.writeLong(row.commitTs());
            out.writeBoolean(row.partial());
            out.writeInt(row.fields().size());
            for (Map.Entry<String, Object> field : row.fields().entrySet()) {
                writeString(out, field.getKey());
                writeValue(out, field.getKey(), field.getValue());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot serialise " + row, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public NormalizedRow deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("NormalizedRow format version " + version + " on " + topic + ", expected " + VERSION);
            }
            String mapping = readString(in);
            NormalizedRow.Op op = NormalizedRow.Op.values()[in.readByte()];
            String key = readString(in);
            long commitTs = in.readLong();
            boolean partial = in.readBoolean();
            int count = in.readInt();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readString(in);
                fields.put(name, readValue(in));
            }
            return new NormalizedRow(mapping, op, key, fields, commitTs, partial);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("corrupt NormalizedRow on " + topic + " (" + data.length + " bytes)", e);
        }
    }

    private static void writeValue(DataOutputStream out, String name, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
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
                writeString(out, s);
            }
        } else {
            throw new SerializationException("field " + name + ": type " + value.getClass().getName()
                    + " is not allowed in a NormalizedRow (String, Long, Integer, Boolean, BigDecimal, List<String>)");
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            case DECIMAL -> {
                int scale = in.readInt();
                byte[] unscaled = in.readNBytes(in.readInt());
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case STRING_LIST -> {
                int size = in.readInt();
                List<String> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readString(in));
                }
                yield Collections.unmodifiableList(list);
            }
            default -> throw new SerializationException("unknown value tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new SerializationException("truncated string");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
