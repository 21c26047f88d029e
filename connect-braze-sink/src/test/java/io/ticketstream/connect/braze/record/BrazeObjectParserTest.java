package io.ticketstream.connect.braze.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.braze.http.Json;

class BrazeObjectParserTest {

    private final BrazeObjectParser parser = new BrazeObjectParser(4_000_000);

    private static String json(BrazeObject o) throws Exception {
        return Json.MAPPER.writeValueAsString(o.json());
    }

    @Test
    void schemalessAttributesKeepNullsAsRemovalsAndNestedValues() throws Exception {
        Map<String, Object> value = new HashMap<>();
        value.put("braze_type", "attributes");
        value.put("external_id", "C-1");
        value.put("loyalty", Map.of("tier", "GOLD"));
        value.put("nickname", null);
        BrazeObject o = parser.parse(value, null);
        assertEquals(BrazeType.ATTRIBUTES, o.type());
        assertEquals(new UserKey("external_id", "C-1"), o.user());
        assertEquals(Json.MAPPER.readTree("{\"external_id\":\"C-1\",\"loyalty\":{\"tier\":\"GOLD\"},\"nickname\":null}"),
                o.json());
    }

    @Test
    void emailBesideExternalIdIsAnAttributeNotASecondIdentifier() {
        BrazeObject o = parser.parse(Map.of("braze_type", "attributes", "external_id", "C-1", "email", "a@b.c"), null);
        assertEquals("external_id", o.user().kind());
        assertEquals("a@b.c", o.json().get("email").asText());
    }

    @Test
    void structPurchaseKeepsDecimalPriceExactAndFormatsTimestamp() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("braze_type", Schema.STRING_SCHEMA)
                .field("external_id", Schema.STRING_SCHEMA)
                .field("product_id", Schema.STRING_SCHEMA)
                .field("currency", Schema.STRING_SCHEMA)
                .field("price", Decimal.schema(2))
                .field("quantity", Schema.OPTIONAL_INT32_SCHEMA)
                .field("time", Timestamp.SCHEMA)
                .field("properties", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional().build())
                .build();
        Struct value = new Struct(schema).put("braze_type", "purchase").put("external_id", "C-1")
                .put("product_id", "perf-77").put("currency", "GBP").put("price", new BigDecimal("42.50"))
                .put("time", Date.from(Instant.parse("2027-03-01T08:30:00Z")));
        BrazeObject o = parser.parse(value, schema);
        assertEquals("{\"external_id\":\"C-1\",\"product_id\":\"perf-77\",\"currency\":\"GBP\",\"price\":42.50,"
                + "\"time\":\"2027-03-01T08:30:00Z\"}", json(o));
    }

    @Test
    void priceAsStringOrDoubleIsSentAsItsDecimalText() throws Exception {
        Map<String, Object> base = Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p",
                "currency", "EUR", "time", "2027-03-01T08:30:00+01:00");
        Map<String, Object> asString = new HashMap<>(base);
        asString.put("price", "19.90");
        Map<String, Object> asDouble = new HashMap<>(base);
        asDouble.put("price", 19.99d);
        assertTrue(json(parser.parse(asString, null)).contains("\"price\":19.90"));
        assertTrue(json(parser.parse(asDouble, null)).contains("\"price\":19.99"));
    }

    @Test
    void structAttributesOmitNullFieldsAndUnsetRemovesAndDateBecomesDay() throws Exception {
        Schema schema = SchemaBuilder.struct()
                .field("braze_type", Schema.STRING_SCHEMA)
                .field("external_id", Schema.STRING_SCHEMA)
                .field("home_city", Schema.OPTIONAL_STRING_SCHEMA)
                .field("dob", org.apache.kafka.connect.data.Date.builder().optional().build())
                .field("braze_unset", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .build();
        Date dob = Date.from(LocalDate.of(1990, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Struct value = new Struct(schema).put("braze_type", "attributes").put("external_id", "C-1")
                .put("dob", dob).put("braze_unset", List.of("nickname"));
        assertEquals("{\"external_id\":\"C-1\",\"nickname\":null,\"dob\":\"1990-04-01\"}", json(parser.parse(value, schema)));
    }

    @Test
    void subscriptionCarriesGroupStateAndIdKind() {
        BrazeObject o = parser.parse(Map.of("braze_type", "subscription", "phone", "+447700900001",
                "subscription_group_id", "g1", "subscription_state", "subscribed"), null);
        assertEquals(new BrazeObject.SubscriptionChange("g1", "subscribed", "phone", "+447700900001"), o.subscription());
    }

    @Test
    void badRecordsNameTheFieldAndTheReason() {
        assertBad(Map.of("external_id", "C-1"), "braze_type");
        assertBad(Map.of("braze_type", "pageview", "external_id", "C-1"), "braze_type");
        assertBad(Map.of("braze_type", "event", "name", "x", "time", "2027-03-01T08:30:00Z"), "(identifier)");
        assertBad(Map.of("braze_type", "event", "external_id", "C-1", "braze_id", "b", "name", "x",
                "time", "2027-03-01T08:30:00Z"), "braze_id");
        assertBad(Map.of("braze_type", "event", "external_id", "C-1", "name", "x", "time", "yesterday"), "time");
        assertBad(Map.of("braze_type", "event", "external_id", "C-1", "name", "x", "time", "2027-03-01T08:30:00Z",
                "colour", "red"), "colour");
        assertBad(Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p", "currency", "gbp",
                "price", "1", "time", "2027-03-01T08:30:00Z"), "currency");
        assertBad(Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p", "currency", "GBP",
                "price", "one", "time", "2027-03-01T08:30:00Z"), "price");
        assertBad(Map.of("braze_type", "subscription", "braze_id", "b", "subscription_group_id", "g",
                "subscription_state", "subscribed"), "braze_id");
        assertBad(Map.of("braze_type", "attributes", "external_id", "C-1", "photo", new byte[] {1}), ".photo");
    }

    /**
     * Regression (issue 12, item 6): values Braze would reject or misread went through (an event time in the year
     * 292278994); now refused before sending, naming the field.
     */
    @Test
    void valuesBrazeWouldRejectOrMisreadAreBadRecords() {
        assertBad(Map.of("braze_type", "event", "external_id", "C-1", "name", "x",
                "time", "+292278994-08-17T07:12:55.807Z"), "time");
        assertBad(Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p", "currency", "XQZ",
                "price", "1", "time", "2027-03-01T08:30:00Z"), "currency");
        assertBad(Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p", "currency", "GBP",
                "price", "1e16", "time", "2027-03-01T08:30:00Z"), "price");
        assertBad(Map.of("braze_type", "purchase", "external_id", "C-1", "product_id", "p", "currency", "GBP",
                "price", "1", "quantity", 101, "time", "2027-03-01T08:30:00Z"), "quantity");
        assertBad(Map.of("braze_type", "attributes", "external_id", "C-1",
                "points", new BigDecimal("123456789012345678901234567890")), "points");
        assertBad(Map.of("braze_type", "event", "external_id", "C-1", "name", "x", "time", "2027-03-01T08:30:00Z",
                "properties", Map.of("n", new BigDecimal("1e400"))), "properties.n");
    }

    @Test
    void badRecordMessageDoesNotQuoteTheUserIdentifier() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> parser.parse(Map.of("braze_type", "event",
                "external_id", "secret-person-7", "braze_id", "b", "name", "x", "time", "2027-03-01T08:30:00Z"), null));
        assertFalse(e.getMessage().contains("secret-person-7"), e.getMessage());
    }

    private void assertBad(Map<String, Object> value, String field) {
        BadRecordException e = assertThrows(BadRecordException.class, () -> parser.parse(value, null));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
