package io.ticketstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.SampleRecords;
import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.SchemaCatalog;

class CanonicalSerdeTest {

    private static final String CUSTOMER_TOPIC = "ticketing.customer.v1";
    private static final String CUSTOMER_FINGERPRINT =
            SchemaCatalog.canonical().latest(CanonicalEntity.CUSTOMER).fingerprintHex();

    static Stream<SpecificRecord> everyEntity() {
        return Stream.of(SampleRecords.customer(), SampleRecords.performance(), SampleRecords.order(),
                SampleRecords.ticketSale(), SampleRecords.customerChange());
    }

    @ParameterizedTest
    @MethodSource("everyEntity")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void everyEntityRoundTripsInSingleObjectEncoding(T record) {
        CanonicalEntity entity = CanonicalEntity.forClass(record.getClass());
        Serde<T> serde = CanonicalSerdes.forClass((Class<T>) record.getClass());

        byte[] bytes = serde.serializer().serialize(entity.topic(), record);

        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(SchemaCatalog.canonical().latest(entity).fingerprint(), fingerprint);
        assertEquals(record, serde.deserializer().deserialize(entity.topic(), bytes));
    }

    @Test
    void factoryMethodsServeTheirEntity() {
        assertEquals(SampleRecords.order(), CanonicalSerdes.order().deserializer().deserialize("t",
                CanonicalSerdes.order().serializer().serialize("t", SampleRecords.order())));
        assertEquals(SampleRecords.performance(), CanonicalSerdes.performance().deserializer().deserialize("t",
                CanonicalSerdes.performance().serializer().serialize("t", SampleRecords.performance())));
        assertEquals(SampleRecords.ticketSale(), CanonicalSerdes.ticketSale().deserializer().deserialize("t",
                CanonicalSerdes.ticketSale().serializer().serialize("t", SampleRecords.ticketSale())));
        assertEquals(SampleRecords.customerChange(), CanonicalSerdes.customerChange().deserializer().deserialize("t",
                CanonicalSerdes.customerChange().serializer().serialize("t", SampleRecords.customerChange())));
    }

    @Test
    void tombstoneStaysNull() {
        assertNull(CanonicalSerdes.customer().serializer().serialize(CUSTOMER_TOPIC, null));
        assertNull(CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, null));
    }

    @Test
    void unknownFingerprintNamesTopicAndFingerprint() {
        byte[] bytes = customerBytes();
        bytes[2] ^= 0x01; // now the fingerprint of no published schema
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot deserialize Customer from topic 'ticketing.customer.v1', writer schema fingerprint "
                + String.format("0x%016x", fingerprint) + ": unknown writer schema fingerprint: it is not a published "
                + "version of any canonical schema (written by a producer with a newer, unpublished schema, "
                + "or not a ticketstream record)", e.getMessage());
    }

    @Test
    void badMarkerIsNotSingleObjectEncoding() {
        byte[] bytes = customerBytes();
        bytes[0] = '{';

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot deserialize Customer from topic 'ticketing.customer.v1', no writer schema fingerprint: "
                + "not Avro single-object encoding: the payload starts with 0x7B 0x01, expected the marker 0xC3 0x01",
                e.getMessage());
    }

    @Test
    void payloadShorterThanTheHeaderSaysSo() {
        byte[] bytes = Arrays.copyOf(customerBytes(), 6);

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot deserialize Customer from topic 'ticketing.customer.v1', no writer schema fingerprint: "
                + "the payload is 6 bytes, shorter than the 10-byte single-object header (marker 0xC3 0x01 + 8-byte "
                + "schema fingerprint)", e.getMessage());
    }

    @Test
    void truncatedBodyNamesTheWriterSchema() {
        byte[] whole = customerBytes();
        byte[] bytes = Arrays.copyOf(whole, whole.length - 20);

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, bytes));

        String prefix = "Cannot deserialize Customer from topic 'ticketing.customer.v1', writer schema fingerprint "
                + CUSTOMER_FINGERPRINT + ": the body does not decode with writer schema Customer v1 (corrupt or "
                + "truncated payload of " + bytes.length + " bytes): ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void everyTruncationAndEveryFlippedByteIsEitherReadOrASerializationException() {
        byte[] whole = CanonicalSerdes.order().serializer().serialize("ticketing.order.v1", SampleRecords.order());
        for (int length = 0; length < whole.length; length++) {
            readOrSerializationException(Arrays.copyOf(whole, length));
        }
        for (int position = 0; position < whole.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] corrupt = whole.clone();
                corrupt[position] ^= (byte) (1 << bit);
                readOrSerializationException(corrupt);
            }
        }
    }

    private static void readOrSerializationException(byte[] payload) {
        try {
            CanonicalSerdes.order().deserializer().deserialize("ticketing.order.v1", payload);
        } catch (SerializationException expected) {
            assertTrue(expected.getMessage().startsWith("Cannot deserialize Order from topic 'ticketing.order.v1', "),
                    expected.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("payload " + Arrays.toString(payload) + " escaped as " + e, e);
        }
    }

    @Test
    void anotherEntitysRecordIsRejectedNotMisread() {
        byte[] orderBytes = CanonicalSerdes.order().serializer().serialize("ticketing.order.v1", SampleRecords.order());

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().deserializer().deserialize(CUSTOMER_TOPIC, orderBytes));

        assertEquals("Cannot deserialize Customer from topic 'ticketing.customer.v1', writer schema fingerprint "
                + SchemaCatalog.canonical().latest(CanonicalEntity.ORDER).fingerprintHex()
                + ": the record was written with Order v1, but Customer is expected here", e.getMessage());
    }

    @Test
    void nullInARequiredFieldNamesTheField() {
        Customer invalid = SampleRecords.customer();
        invalid.setCustomerRef(null);

        SerializationException e = assertThrows(SerializationException.class,
                () -> CanonicalSerdes.customer().serializer().serialize(CUSTOMER_TOPIC, invalid));

        assertTrue(e.getMessage().startsWith("Cannot serialize Customer for topic 'ticketing.customer.v1' with writer "
                + "schema Customer v1 (" + CUSTOMER_FINGERPRINT + "): "), e.getMessage());
        assertTrue(e.getMessage().contains("customer_ref"), e.getMessage());
    }

    @Test
    void nonCanonicalClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalSerdes.forClass(io.ticketstream.schemas.Ticket.class));
        assertTrue(e.getMessage().startsWith("io.ticketstream.schemas.Ticket is not a canonical entity"), e.getMessage());
    }

    @Test
    void listOfEntitiesIsComplete() {
        assertEquals(List.of("Customer", "Performance", "Order", "TicketSale", "CustomerChange"),
                Arrays.stream(CanonicalEntity.values()).map(CanonicalEntity::schemaName).toList());
    }

    private static byte[] customerBytes() {
        return CanonicalSerdes.customer().serializer().serialize(CUSTOMER_TOPIC, SampleRecords.customer());
    }
}
