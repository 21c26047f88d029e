package io.ticketstream.connect.smt.braze;

import static io.ticketstream.connect.smt.CanonicalRecords.TICKET_SALE;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static io.ticketstream.connect.smt.CanonicalRecords.ticketSale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BrazeEventTest {

    private static final String TOPIC = "ticketing.ticket-sale.v1";

    private final BrazeEvent<SinkRecord> transform = new BrazeEvent.Value<>();

    private void configure(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("event.name", "ticket_purchased");
        props.put("time.field", "occurred_at");
        props.put("properties", "sale_id,order_id,performance_id,performance.attraction_name:attraction,"
                + "performance.venue_city:venue_city,performance.starts_at:starts_at,ticket_count:tickets,"
                + "gross_amount,channel");
        props.putAll(extra);
        transform.configure(props);
    }

    @Test
    void aTicketSaleBecomesAnEventWithNestedPropertiesAndIsoTimes() {
        configure(Map.of());
        Struct value = (Struct) transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("SALE", new BigDecimal("84.50"))))
                .value();

        assertEquals("event", value.get("braze_type"));
        assertEquals("C-000123", value.get("external_id"));
        assertEquals("ticket_purchased", value.get("name"));
        assertEquals("2027-03-01T08:30:00Z", value.get("time"));
        Struct properties = value.getStruct("properties");
        // venue_city is null: left out, not sent as null.
        assertEquals(List.of("sale_id", "order_id", "performance_id", "attraction", "starts_at", "tickets", "gross_amount",
                "channel"), properties.schema().fields().stream().map(Field::name).collect(Collectors.toList()));
        assertEquals("981-SALE", properties.get("sale_id"));
        assertEquals(981L, properties.get("order_id"));
        assertEquals("La Traviata", properties.get("attraction"));
        assertEquals("2027-04-10T18:30:00Z", properties.get("starts_at"));
        assertEquals(new BigDecimal("84.50"), properties.get("gross_amount"));
        assertEquals(2, properties.get("tickets"));
    }

    @Test
    void theNameCanComeFromAField() {
        configure(Map.of("event.name", "", "event.name.field", "type"));
        Struct value = (Struct) transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("REVERSAL", BigDecimal.TEN)))
                .value();
        assertEquals("REVERSAL", value.get("name"));
    }

    @Test
    void withoutATimeFieldTheRecordTimestampIsTheTime() {
        configure(Map.of("time.field", ""));
        Struct value = (Struct) transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("SALE", BigDecimal.TEN)))
                .value();
        assertEquals("2027-03-01T08:30:00.123Z", value.get("time"));
    }

    @Test
    void schemalessTimesAcceptEpochMillisAndIsoWithOffset() {
        configure(Map.of("properties", "venue.name:venue"));
        Map<String, Object> sale = new HashMap<>();
        sale.put("customer_ref", "C-9");
        sale.put("occurred_at", java.time.Instant.parse("2027-02-28T10:30:00Z").toEpochMilli());
        sale.put("venue", Map.of("name", "Grand Theatre"));
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) transform.apply(schemaless(TOPIC, "1", sale)).value();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("braze_type", "event");
        expected.put("external_id", "C-9");
        expected.put("name", "ticket_purchased");
        expected.put("time", "2027-02-28T10:30:00Z");
        expected.put("properties", Map.of("venue", "Grand Theatre"));
        assertEquals(expected, value);

        sale.put("occurred_at", "2027-03-01T09:30:00+01:00");
        assertEquals("2027-03-01T08:30:00Z", ((Map<?, ?>) transform.apply(schemaless(TOPIC, "1", sale)).value()).get("time"));
    }

    @Test
    void aTimeWithoutOffsetIsRejectedNamingFieldAndValue() {
        configure(Map.of("properties", ""));
        Map<String, Object> sale = new HashMap<>(Map.of("customer_ref", "C-9", "occurred_at", "2027-03-01T09:30:00"));
        DataException e = assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale)));
        assertEquals("Field 'occurred_at': '2027-03-01T09:30:00' is not an ISO-8601 date-time with an offset or zone "
                + "(e.g. 2026-03-01T19:30:00Z), so it does not name one instant", e.getMessage());
    }

    @Test
    void noPropertiesMeansNoPropertiesField() {
        configure(Map.of("properties", ""));
        Struct value = (Struct) transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("SALE", BigDecimal.TEN)))
                .value();
        assertNull(value.schema().field("properties"));
    }

    @Test
    void aTombstonePassesThrough() {
        configure(Map.of());
        SinkRecord tombstone = record(TOPIC, "981", null, null);
        assertSame(tombstone, transform.apply(tombstone));
    }

    @Test
    void configErrorsNameTheKeys() {
        assertConfigError(Map.of("user.id.field", "customer_ref"),
                "Invalid value null for configuration event.name: set either event.name or event.name.field");
        assertConfigError(Map.of("user.id.field", "customer_ref", "event.name", "a", "event.name.field", "type"),
                "Invalid value type for configuration event.name.field: set either event.name (here 'a') or "
                        + "event.name.field, not both");
        assertConfigError(Map.of("user.id.field", "customer_ref", "event.name", "a", "time.field", "x."),
                "Invalid value x. for configuration time.field: a field path is field names separated by single dots");
    }

    private void assertConfigError(Map<String, String> props, String messageStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> new BrazeEvent.Value<SinkRecord>().configure(props));
        assertTrue(e.getMessage().startsWith(messageStart), () -> "message was: " + e.getMessage());
    }
}
