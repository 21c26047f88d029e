package io.ticketstream.streams.join.progress;

import io.ticketstream.streams.join.TaggedBytes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serde of {@link Progressed} for internal topics: a tag byte ({@link TaggedBytes}), then the value in its own serde
 * or the watermark's fields. Written by hand because it frames an existing serde plus four primitive fields; the
 * format never leaves the application (repartition topics only).
 */
public final class ProgressedSerde<V> implements Serde<Progressed<V>> {

    private static final byte DATA = 0;
    private static final byte WATERMARK = 1;

    private final Serde<V> valueSerde;

    public ProgressedSerde(Serde<V> valueSerde) {
        this.valueSerde = valueSerde;
    }

    @Override
    public Serializer<Progressed<V>> serializer() {
        return (topic, progressed) -> {
            if (progressed == null) {
                return null;
            }
            if (!progressed.isWatermark()) {
                return TaggedBytes.tag(DATA, valueSerde.serializer().serialize(topic, progressed.value()));
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                DataOutputStream out = new DataOutputStream(bytes);
                Watermark watermark = progressed.watermark();
                out.writeByte(WATERMARK);
                out.writeLong(watermark.emittedAt());
                out.writeInt(watermark.partitions().size());
                for (PartitionProgress partition : watermark.partitions()) {
                    out.writeUTF(partition.source().topic());
                    out.writeInt(partition.source().partition());
                    out.writeLong(partition.progress());
                    out.writeBoolean(partition.idle());
                }
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("Cannot serialise watermark for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<Progressed<V>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0) {
                throw new SerializationException("Empty record on internal topic " + topic);
            }
            if (data[0] == DATA) {
                return Progressed.data(valueSerde.deserializer().deserialize(topic, TaggedBytes.payload(data)));
            }
            if (data[0] != WATERMARK) {
                throw new SerializationException("Unknown record tag " + data[0] + " on internal topic " + topic);
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
                long emittedAt = in.readLong();
                int count = in.readInt();
                List<PartitionProgress> partitions = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    SourcePartition source = new SourcePartition(in.readUTF(), in.readInt());
                    partitions.add(new PartitionProgress(source, in.readLong(), in.readBoolean()));
                }
                return Progressed.watermark(new Watermark(emittedAt, partitions));
            } catch (IOException e) {
                throw new SerializationException("Cannot deserialise watermark on " + topic, e);
            }
        };
    }
}
