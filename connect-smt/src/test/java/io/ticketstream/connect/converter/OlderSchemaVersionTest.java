package io.ticketstream.connect.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * A record written with an older published version still converts. The fixture is Customer as it was
 * before loyalty_tier and loyalty_points, published as v1, with today's Customer as v2.
 */
class OlderSchemaVersionTest {

    private static final String TOPIC = "ticketing.customer.v1";

    private final Schema before = fixture("Customer-before-loyalty.avsc");
    private final SchemaCatalog catalog = SchemaCatalog.of(List.of(
            PublishedSchema.of(CanonicalEntity.CUSTOMER, 1, before),
            PublishedSchema.of(CanonicalEntity.CUSTOMER, 2, Customer.getClassSchema())));

    @Test
    void byDefaultAnOldRecordIsReadIntoTheLatestVersion() throws IOException {
        CanonicalAvroConverter converter = new CanonicalAvroConverter(catalog);
        converter.configure(Map.of(), false);

        SchemaAndValue converted = converter.toConnectData(TOPIC, oldRecord());

        Struct customer = (Struct) converted.value();
        assertEquals(2, converted.schema().version());
        assertEquals("C-000042", customer.getString("customer_ref"));
        assertEquals(List.of("rock"), customer.getArray("favourite_genres"));
        assertNull(customer.get("loyalty_points"), "a field the writer did not know takes its Avro default");
        assertNull(customer.get("loyalty_tier"), "a field the writer did not know takes its Avro default");
    }

    @Test
    void withReaderVersionWriterAnOldRecordKeepsItsOwnShape() throws IOException {
        CanonicalAvroConverter converter = new CanonicalAvroConverter(catalog);
        converter.configure(Map.of(CanonicalAvroConverterConfig.READER_VERSION_CONFIG, "WRITER"), false);

        SchemaAndValue converted = converter.toConnectData(TOPIC, oldRecord());

        assertEquals(1, converted.schema().version());
        assertNull(converted.schema().field("loyalty_points"));
        assertEquals("old@example.org", ((Struct) converted.value()).getString("email"));
    }

    @Test
    void anOldStructIsWrittenWithTheLatestVersionAndDefaultsForWhatItLacks() throws IOException {
        CanonicalAvroConverter converter = new CanonicalAvroConverter(catalog);
        converter.configure(Map.of(CanonicalAvroConverterConfig.READER_VERSION_CONFIG, "writer"), false);
        SchemaAndValue old = converter.toConnectData(TOPIC, oldRecord());

        byte[] rewritten = converter.fromConnectData(TOPIC, old.schema(), old.value());

        SchemaAndValue latest = converter.toConnectData(TOPIC, rewritten);
        assertEquals(2, latest.schema().version());
        assertEquals("C-000042", ((Struct) latest.value()).getString("customer_ref"));
        assertNull(((Struct) latest.value()).get("loyalty_points"));
    }

    private byte[] oldRecord() throws IOException {
        GenericRecord old = new GenericRecordBuilder(before)
                .set("customer_ref", "C-000042").set("email", "old@example.org")
                .set("favourite_genres", List.of("rock"))
                .set("commit_ts", ConverterSamples.COMMIT.toEpochMilli())
                .build();
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), before).encode(old);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema fixture(String name) {
        try (InputStream in = OlderSchemaVersionTest.class.getResourceAsStream(name)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
