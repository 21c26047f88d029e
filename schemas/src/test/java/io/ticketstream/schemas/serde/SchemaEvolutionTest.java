package io.ticketstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.SampleRecords;
import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;
import io.ticketstream.schemas.contract.CompatibilityRules;

/**
 * Records written by an older producer stay readable, and an older consumer reads current records: the
 * fixture is Customer as it was before loyalty_tier and loyalty_points, published as v1 with the current
 * Customer as v2.
 */
class SchemaEvolutionTest {

    private static final String TOPIC = "ticketing.customer.v1";

    private final Schema before = fixture("fixtures/Customer-before-loyalty.avsc");
    private final SchemaCatalog catalog = SchemaCatalog.of(List.of(
            PublishedSchema.of(CanonicalEntity.CUSTOMER, 1, before),
            PublishedSchema.of(CanonicalEntity.CUSTOMER, 2, Customer.getClassSchema())));

    @Test
    void theFixtureIsACompatibleOlderVersion() {
        assertEquals(List.of(), CompatibilityRules.violations("Customer", List.of(before, Customer.getClassSchema())));
    }

    @Test
    void recordWrittenWithTheOlderVersionIsReadByTheCurrentClass() throws IOException {
        GenericRecord old = new GenericRecordBuilder(before)
                .set("customer_ref", "C-000042").set("email", "old@example.org")
                .set("date_of_birth", (int) LocalDate.of(1990, 5, 17).toEpochDay())
                .set("favourite_genres", List.of("rock"))
                .set("commit_ts", SampleRecords.COMMIT.toEpochMilli())
                .build();
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), before).encode(old));

        Customer current = new CanonicalDeserializer<>(Customer.class, catalog).deserialize(TOPIC, bytes);

        assertEquals("C-000042", current.getCustomerRef());
        assertEquals("old@example.org", current.getEmail());
        assertEquals(LocalDate.of(1990, 5, 17), current.getDateOfBirth());
        assertEquals(List.of("rock"), current.getFavouriteGenres());
        assertEquals(SampleRecords.COMMIT, current.getCommitTs());
        assertNull(current.getLoyaltyTier(), "a field the writer did not know takes its default");
        assertNull(current.getLoyaltyPoints(), "a field the writer did not know takes its default");
    }

    @Test
    void consumerOnTheOlderVersionReadsCurrentRecords() throws IOException {
        byte[] bytes = new CanonicalSerializer<>(Customer.class, catalog).serialize(TOPIC, SampleRecords.customer());

        GenericRecord asOld = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), before, catalog).decode(bytes);

        assertEquals("C-000123", asOld.get("customer_ref").toString());
        assertNull(asOld.getSchema().getField("loyalty_points"), "the old reader skips fields it does not know");
    }

    static Schema fixture(String resource) {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
