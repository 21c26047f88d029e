package io.ticketstream.streams.join.order;

import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binary serde of {@link OrderState} for its state store (and changelog). The rows inside are written
 * with the normalisation stage's own row serde, so this class only frames them: version byte, fields,
 * then length-prefixed rows. Hand-written because the state is internal (never leaves the app) and a
 * frame of the existing row serde is smaller and faster than mapping it to another schema language.
 */
public final class OrderStateSerde implements Serde<OrderState> {

    private static final byte FORMAT = 2;

    private final Serde<NormalizedRow> rowSerde;

    public OrderStateSerde(Serde<NormalizedRow> rowSerde) {
        this.rowSerde = rowSerde;
    }

    @Override
    public Serializer<OrderState> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(FORMAT);
                out.writeLong(state.orderDeletedAt());
                out.writeInt(state.saleTicketCount());
                out.writeBoolean(state.reversalEmitted());
                writeRow(out, topic, state.order());
                writeRow(out, topic, state.paidRow());
                writeRow(out, topic, state.reversalRow());
                writeRows(out, topic, state.tickets());
                writeRows(out, topic, state.payments());
                writeRows(out, topic, state.ticketsAtSale());
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("Cannot serialise order state", e);
            }
        };
    }

    @Override
    public Deserializer<OrderState> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
                byte format = in.readByte();
                if (format != FORMAT) {
                    throw new SerializationException("Unknown order state format " + format + " on " + topic);
                }
                long orderDeletedAt = in.readLong();
                int saleTicketCount = in.readInt();
                boolean reversalEmitted = in.readBoolean();
                NormalizedRow order = readRow(in, topic);
                NormalizedRow paidRow = readRow(in, topic);
                NormalizedRow reversalRow = readRow(in, topic);
                Map<Long, NormalizedRow> tickets = readRows(in, topic);
                Map<Long, NormalizedRow> payments = readRows(in, topic);
                Map<Long, NormalizedRow> ticketsAtSale = readRows(in, topic);
                return new OrderState(order, orderDeletedAt, tickets, payments, paidRow, ticketsAtSale,
                        saleTicketCount, reversalRow, reversalEmitted);
            } catch (IOException e) {
                throw new SerializationException("Cannot deserialise order state", e);
            }
        };
    }

    private void writeRows(DataOutputStream out, String topic, Map<Long, NormalizedRow> rows) throws IOException {
        out.writeInt(rows.size());
        for (Map.Entry<Long, NormalizedRow> e : rows.entrySet()) {
            out.writeLong(e.getKey());
            writeRow(out, topic, e.getValue());
        }
    }

    private Map<Long, NormalizedRow> readRows(DataInputStream in, String topic) throws IOException {
        int size = in.readInt();
        Map<Long, NormalizedRow> rows = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            long id = in.readLong();
            rows.put(id, readRow(in, topic));
        }
        return rows;
    }

    private void writeRow(DataOutputStream out, String topic, NormalizedRow row) throws IOException {
        if (row == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = rowSerde.serializer().serialize(topic, row);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private NormalizedRow readRow(DataInputStream in, String topic) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return rowSerde.deserializer().deserialize(topic, bytes);
    }
}
