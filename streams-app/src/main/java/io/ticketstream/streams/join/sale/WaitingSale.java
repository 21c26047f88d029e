package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A sale waiting in the customer join for its customer's progress, with the wall-clock time it started to
 * wait (for {@code completeness.max.wait.ms}).
 */
record WaitingSale(long since, TicketSale sale) {

    /** Eight bytes of {@code since}, then the sale in the canonical encoding. Internal: a store value only. */
    static Serde<WaitingSale> serde(Serde<TicketSale> saleSerde) {
        Serializer<WaitingSale> serializer = (topic, waiting) -> {
            if (waiting == null) {
                return null;
            }
            byte[] sale = saleSerde.serializer().serialize(topic, waiting.sale());
            return ByteBuffer.allocate(Long.BYTES + sale.length).putLong(waiting.since()).put(sale).array();
        };
        Deserializer<WaitingSale> deserializer = (topic, data) -> data == null ? null : new WaitingSale(
                ByteBuffer.wrap(data).getLong(),
                saleSerde.deserializer().deserialize(topic, Arrays.copyOfRange(data, Long.BYTES, data.length)));
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
