package io.ticketstream.connect.converter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.SchemaCatalog;
import io.ticketstream.schemas.serde.CanonicalSerde;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import io.ticketstream.testsupport.ConfigDocs;

class CanonicalAvroConverterTest {

    private static final String CUSTOMER_TOPIC = "ticketing.customer.v1";
    private static final String ORDER_TOPIC = "ticketing.order.v1";

    private final CanonicalAvroConverter converter = new CanonicalAvroConverter();

    @BeforeEach
    void configure() {
        converter.configure(Map.of(), false);
    }

    @Test
    void customerBecomesAStructWithDateTimestampArrayAndOptionalFields() {
        Struct customer = roundTrip(ConverterSamples.customer(), CUSTOMER_TOPIC);

        Schema schema = customer.schema();
        assertEquals("io.ticketstream.schemas.Customer", schema.name());
        assertEquals(1, schema.version());
        assertEquals("C-000123", customer.getString("customer_ref"));
        assertEquals(false, schema.field("customer_ref").schema().isOptional());
        assertNull(customer.getString("phone"));
        assertTrue(schema.field("phone").schema().isOptional());
        assertEquals(org.apache.kafka.connect.data.Date.LOGICAL_NAME, schema.field("date_of_birth").schema().name());
        assertEquals(utcMidnight(LocalDate.of(1815, 12, 10)), customer.get("date_of_birth"));
        assertEquals(Timestamp.LOGICAL_NAME, schema.field("commit_ts").schema().name());
        assertEquals(Date.from(ConverterSamples.COMMIT), customer.get("commit_ts"));
        assertEquals(Date.from(ConverterSamples.COMMIT.minusSeconds(60)), customer.get("updated_at"));
        assertNull(customer.get("created_at"));
        assertEquals(List.of("opera", "jazz"), customer.getArray("favourite_genres"));
        assertEquals(Schema.Type.ARRAY, schema.field("favourite_genres").schema().type());
        assertEquals(true, customer.getBoolean("email_opt_in"));
        assertEquals(1234L, customer.getInt64("loyalty_points"));
    }

    @Test
    void orderBecomesAStructWithDecimalsEnumsNestedRecordsAndArraysOfRecords() {
        Struct order = roundTrip(ConverterSamples.order(), ORDER_TOPIC);

        Schema schema = order.schema();
        assertEquals("io.ticketstream.schemas.Order", schema.name());
        assertEquals(424242L, order.getInt64("order_id"));
        Schema amount = schema.field("total_amount").schema();
        assertEquals(Decimal.LOGICAL_NAME, amount.name());
        assertEquals("2", amount.parameters().get(Decimal.SCALE_FIELD));
        assertEquals("12", amount.parameters().get(AvroToConnect.DECIMAL_PRECISION_PARAMETER));
        assertEquals(new BigDecimal("150.50"), order.get("total_amount"));
        assertEquals("PAID", order.getString("status"));
        assertEquals("io.ticketstream.schemas.OrderStatus",
                schema.field("status").schema().parameters().get(AvroToConnect.ENUM_PARAMETER));
        assertEquals("WEB,APP,BOX_OFFICE,UNKNOWN",
                schema.field("channel").schema().parameters().get(AvroToConnect.ENUM_SYMBOLS_PARAMETER));

        List<Struct> tickets = order.getArray("tickets");
        assertEquals(2, tickets.size());
        assertEquals("io.ticketstream.schemas.Ticket", tickets.get(0).schema().name());
        assertEquals(12, tickets.get(0).getInt32("seat_number"));
        assertEquals(new BigDecimal("100.00"), tickets.get(0).get("price"));
        assertEquals("VOID", tickets.get(1).getString("status"));
        assertNull(tickets.get(1).get("seat_number"));

        Struct payment = order.getStruct("payment");
        assertTrue(schema.field("payment").schema().isOptional());
        assertEquals("CAPTURED", payment.getString("status"));
        assertEquals(Date.from(ConverterSamples.COMMIT), payment.get("processed_at"));
    }

    @Test
    void performanceKeepsAKnownAttractionAndANullVenue() {
        Struct performance = roundTrip(ConverterSamples.performance(), "ticketing.performance.v1");

        assertEquals("SOLD_OUT", performance.getString("status"));
        assertEquals(Date.from(ConverterSamples.STARTS), performance.get("starts_at"));
        assertNull(performance.get("on_sale_at"));
        assertEquals("Tosca", performance.getStruct("attraction").getString("name"));
        assertNull(performance.getStruct("attraction").get("promoter"));
        assertNull(performance.get("venue"));
        assertEquals("io.ticketstream.schemas.Venue", performance.schema().field("venue").schema().name());
    }

    @Test
    void ticketSaleKeepsTheFullPrecisionOfItsAmount() {
        Struct sale = roundTrip(ConverterSamples.ticketSale(), "ticketing.ticket-sale.v1");

        assertEquals("REVERSAL", sale.getString("type"));
        assertEquals(new BigDecimal("9999999999.99"), sale.get("gross_amount"));
        assertEquals(false, sale.getBoolean("performance_known"));
        assertNull(sale.get("performance"));
        assertNull(sale.getStruct("customer").get("last_name"));
        assertEquals(Date.from(ConverterSamples.COMMIT), sale.get("occurred_at"));
    }

    @Test
    void customerChangeKeepsItsListOfChangedFieldsAndANullOptionalArray() {
        Struct change = roundTrip(ConverterSamples.customerChange(), "ticketing.customer-change.v1");

        assertEquals(List.of("email", "date_of_birth"), change.getArray("changed_fields"));
        assertNull(change.get("favourite_genres"));
        assertTrue(change.schema().field("favourite_genres").schema().isOptional());
        assertEquals(utcMidnight(LocalDate.of(1815, 12, 10)), change.get("date_of_birth"));
    }

    @Test
    void connectSchemaIsBuiltOncePerFingerprint() {
        byte[] bytes = serialize(ConverterSamples.customer(), CUSTOMER_TOPIC);
        assertSame(converter.toConnectData(CUSTOMER_TOPIC, bytes).schema(),
                converter.toConnectData(CUSTOMER_TOPIC, bytes).schema());
    }

    @Test
    void tombstoneIsNullBothWays() {
        assertSame(SchemaAndValue.NULL, converter.toConnectData(CUSTOMER_TOPIC, null));
        assertNull(converter.fromConnectData(CUSTOMER_TOPIC, null, null));
    }

    @Test
    void unknownFingerprintIsADataExceptionNamingTopicAndFingerprint() {
        byte[] bytes = serialize(ConverterSamples.customer(), CUSTOMER_TOPIC);
        bytes[9] ^= 0x40;
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        DataException e = assertThrows(DataException.class, () -> converter.toConnectData(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot convert the value of topic 'ticketing.customer.v1', writer schema fingerprint "
                + String.format("0x%016x", fingerprint) + ": unknown writer schema fingerprint: it is not a published "
                + "version of any canonical schema (written by a producer with a newer, unpublished schema, or not a "
                + "ticketstream record)", e.getMessage());
    }

    @Test
    void payloadShorterThanTheHeaderIsADataException() {
        byte[] bytes = {(byte) 0xC3, 0x01, 0x7b};

        DataException e = assertThrows(DataException.class, () -> converter.toConnectData(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot convert the value of topic 'ticketing.customer.v1', no writer schema fingerprint: the "
                + "payload is 3 bytes, shorter than the 10-byte single-object header (marker 0xC3 0x01 + 8-byte "
                + "schema fingerprint)", e.getMessage());
    }

    @Test
    void jsonOnACanonicalTopicHasABadMarker() {
        byte[] bytes = "{\"customer_ref\":\"C-1\"}".getBytes();

        DataException e = assertThrows(DataException.class, () -> converter.toConnectData(CUSTOMER_TOPIC, bytes));

        assertEquals("Cannot convert the value of topic 'ticketing.customer.v1', no writer schema fingerprint: not "
                + "Avro single-object encoding: the payload starts with 0x7B 0x22, expected the marker 0xC3 0x01",
                e.getMessage());
    }

    @Test
    void truncatedBodyIsADataExceptionNamingTheWriterVersion() {
        byte[] whole = serialize(ConverterSamples.order(), ORDER_TOPIC);
        byte[] bytes = Arrays.copyOf(whole, 30);

        DataException e = assertThrows(DataException.class, () -> converter.toConnectData(ORDER_TOPIC, bytes));

        assertEquals("Cannot convert the value of topic 'ticketing.order.v1', writer schema fingerprint "
                + SchemaCatalog.canonical().latest(CanonicalEntity.ORDER).fingerprintHex() + ": the body does not "
                + "decode with writer schema Order v1 (corrupt or truncated payload of 30 bytes): EOFException",
                e.getMessage());
    }

    @Test
    void everyTruncationAndEveryFlippedByteIsEitherReadOrADataException() {
        // Regression guard: nothing but a DataException may escape, or the task fails instead of using the DLQ.
        byte[] whole = serialize(ConverterSamples.order(), ORDER_TOPIC);
        for (int length = 0; length < whole.length; length++) {
            readOrDataException(Arrays.copyOf(whole, length));
        }
        for (int position = 0; position < whole.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] corrupt = whole.clone();
                corrupt[position] ^= (byte) (1 << bit);
                readOrDataException(corrupt);
            }
        }
    }

    private void readOrDataException(byte[] payload) {
        try {
            converter.toConnectData(ORDER_TOPIC, payload);
        } catch (DataException expected) {
            assertTrue(expected.getMessage().startsWith("Cannot convert the value of topic 'ticketing.order.v1', "),
                    expected.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("payload " + Arrays.toString(payload) + " escaped as " + e, e);
        }
    }

    @Test
    void anotherEntitysRecordOnACanonicalTopicIsRejected() {
        byte[] order = serialize(ConverterSamples.order(), ORDER_TOPIC);

        DataException e = assertThrows(DataException.class, () -> converter.toConnectData(CUSTOMER_TOPIC, order));

        assertEquals("Cannot convert the value of topic 'ticketing.customer.v1', writer schema fingerprint "
                + SchemaCatalog.canonical().latest(CanonicalEntity.ORDER).fingerprintHex() + ": the record was "
                + "written with Order v1, but Customer is expected here", e.getMessage());
    }

    @Test
    void aTopicThatIsNotCanonicalTakesTheEntityFromTheFingerprint() {
        byte[] order = serialize(ConverterSamples.order(), ORDER_TOPIC);

        SchemaAndValue converted = converter.toConnectData("dr.ticketing.order.v1", order);

        assertEquals("io.ticketstream.schemas.Order", converted.schema().name());
        assertArrayEquals(order, converter.fromConnectData("dr.ticketing.order.v1", converted.schema(), converted.value()));
    }

    @Test
    void anInvalidEnumSymbolNamesTheFieldAndTheValue() {
        Struct order = (Struct) converter.toConnectData(ORDER_TOPIC, serialize(ConverterSamples.order(), ORDER_TOPIC)).value();
        order.put("channel", "PHONE");

        DataException e = assertThrows(DataException.class, () -> converter.fromConnectData(ORDER_TOPIC, order.schema(), order));

        assertEquals("Cannot convert a Connect value for topic 'ticketing.order.v1' to Order v1 ("
                + SchemaCatalog.canonical().latest(CanonicalEntity.ORDER).fingerprintHex() + "): field 'channel': "
                + "'PHONE' is not a symbol of io.ticketstream.schemas.SalesChannel [WEB, APP, BOX_OFFICE, UNKNOWN]",
                e.getMessage());
    }

    @Test
    void aDecimalBeyondItsPrecisionNamesTheFieldAndTheValue() {
        Struct order = (Struct) converter.toConnectData(ORDER_TOPIC, serialize(ConverterSamples.order(), ORDER_TOPIC)).value();
        order.put("total_amount", new BigDecimal("12345678901.00"));

        DataException e = assertThrows(DataException.class, () -> converter.fromConnectData(ORDER_TOPIC, order.schema(), order));

        assertEquals("Cannot convert a Connect value for topic 'ticketing.order.v1' to Order v1 ("
                + SchemaCatalog.canonical().latest(CanonicalEntity.ORDER).fingerprintHex() + "): field 'total_amount': "
                + "12345678901.00 does not fit decimal(12,2) without rounding", e.getMessage());
    }

    @Test
    void aDecimalThatNeedsRoundingIsRefusedNotRounded() {
        Schema schema = org.apache.kafka.connect.data.SchemaBuilder.struct().name("io.ticketstream.schemas.Payment")
                .field("payment_id", Schema.INT64_SCHEMA).field("amount", Decimal.schema(3))
                .field("status", Schema.STRING_SCHEMA).build();
        Struct order = (Struct) converter.toConnectData(ORDER_TOPIC, serialize(ConverterSamples.order(), ORDER_TOPIC)).value();
        Schema orderSchema = withField(order.schema(), "payment", schema);
        Struct rewritten = copy(order, orderSchema).put("payment",
                new Struct(schema).put("payment_id", 1L).put("amount", new BigDecimal("1.005")).put("status", "CAPTURED"));

        DataException e = assertThrows(DataException.class,
                () -> converter.fromConnectData(ORDER_TOPIC, orderSchema, rewritten));

        assertTrue(e.getMessage().endsWith("field 'payment.amount': 1.005 does not fit decimal(12,2) without rounding"),
                e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Schema schema = org.apache.kafka.connect.data.SchemaBuilder.struct().name("io.ticketstream.schemas.Customer")
                .field("email", Schema.OPTIONAL_STRING_SCHEMA).build();

        DataException e = assertThrows(DataException.class,
                () -> converter.fromConnectData(CUSTOMER_TOPIC, schema, new Struct(schema).put("email", "x@example.org")));

        assertTrue(e.getMessage().endsWith("field 'customer_ref' is required by io.ticketstream.schemas.Customer but the "
                + "Connect value has no such field"), e.getMessage());
    }

    @Test
    void anUnknownTargetIsADataException() {
        Schema schema = org.apache.kafka.connect.data.SchemaBuilder.struct().name("com.example.Thing").build();

        DataException e = assertThrows(DataException.class,
                () -> converter.fromConnectData("other.topic", schema, new Struct(schema)));

        assertEquals("Cannot convert a Connect value for topic 'other.topic': it is not a canonical topic and the "
                + "value's schema name 'com.example.Thing' is not a canonical record name, so the target schema is "
                + "unknown", e.getMessage());
    }

    @Test
    void refusesToBeTheKeyConverter() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new CanonicalAvroConverter().configure(Map.of(), true));

        assertEquals("Invalid value key for configuration converter.type: the canonical topics' keys are UTF-8 "
                + "strings: use org.apache.kafka.connect.storage.StringConverter as key.converter and "
                + "io.ticketstream.connect.converter.CanonicalAvroConverter as value.converter", e.getMessage());
    }

    @Test
    void rejectsAnUnknownReaderVersion() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new CanonicalAvroConverter().configure(Map.of("reader.version", "oldest"), false));

        assertTrue(e.getMessage().startsWith("Invalid value oldest for configuration reader.version"), e.getMessage());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        assertTrue(converter.version().matches("\\d+\\.\\d+\\.\\d+.*"), converter.version());
    }

    @Test
    void configDocsAreUpToDate() {
        ConfigDocs.assertUpToDate(Path.of("docs/canonical-avro-converter.md"), docs());
    }

    static String docs() {
        return "# CanonicalAvroConverter configuration\n\n"
                + "Generated from `CanonicalAvroConverterConfig` by `CanonicalAvroConverterTest`; do not edit.\n"
                + "Set on a connector as `value.converter.<key>` (or on the worker).\n\n"
                + ConfigDocs.section("## `io.ticketstream.connect.converter.CanonicalAvroConverter`",
                        CanonicalAvroConverterConfig.configDef());
    }

    /** Serde bytes -> Connect -> bytes, which must be identical, and must read back as the original record. */
    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> Struct roundTrip(T record, String topic) {
        CanonicalSerde<T> serde = CanonicalSerdes.forClass((Class<T>) record.getClass());
        byte[] bytes = serde.serializer().serialize(topic, record);

        SchemaAndValue connect = converter.toConnectData(topic, bytes);
        byte[] back = converter.fromConnectData(topic, connect.schema(), connect.value());

        assertArrayEquals(bytes, back);
        assertEquals(record, serde.deserializer().deserialize(topic, back));
        ((Struct) connect.value()).validate();
        return (Struct) connect.value();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] serialize(T record, String topic) {
        return CanonicalSerdes.forClass((Class<T>) record.getClass()).serializer().serialize(topic, record);
    }

    private static Schema withField(Schema struct, String name, Schema replacement) {
        org.apache.kafka.connect.data.SchemaBuilder builder = org.apache.kafka.connect.data.SchemaBuilder.struct()
                .name(struct.name());
        struct.fields().forEach(f -> builder.field(f.name(), f.name().equals(name) ? replacement : f.schema()));
        return builder.build();
    }

    private static Struct copy(Struct source, Schema schema) {
        Struct copy = new Struct(schema);
        schema.fields().forEach(f -> {
            if (!f.schema().equals(source.schema().field(f.name()).schema())) {
                return;
            }
            copy.put(f.name(), source.get(f.name()));
        });
        return copy;
    }

    static Date utcMidnight(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
