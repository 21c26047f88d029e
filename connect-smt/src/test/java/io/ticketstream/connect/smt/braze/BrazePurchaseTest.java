package io.ticketstream.connect.smt.braze;

import static io.ticketstream.connect.smt.CanonicalRecords.TICKET_SALE;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static io.ticketstream.connect.smt.CanonicalRecords.ticketSale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BrazePurchaseTest {

    private static final String TOPIC = "ticketing.ticket-sale.v1";

    private final BrazePurchase<SinkRecord> transform = new BrazePurchase.Value<>();

    private void configure(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("product.id.field", "performance_id");
        props.put("currency.field", "currency");
        props.put("price.field", "gross_amount");
        props.put("time.field", "occurred_at");
        props.put("properties", "sale_id,ticket_count:tickets");
        props.putAll(extra);
        transform.configure(props);
    }

    @Test
    void aDecimalPriceStaysExactlyTheSameDecimal() {
        configure(Map.of());
        BigDecimal gross = new BigDecimal("1234567890.12");
        SinkRecord out = transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("SALE", gross)));
        Struct value = (Struct) out.value();

        assertEquals("purchase", value.get("braze_type"));
        assertEquals("77", value.get("product_id"));
        assertEquals("GBP", value.get("currency"));
        assertEquals(gross, value.get("price"));
        assertEquals(2, ((BigDecimal) value.get("price")).scale());
        assertEquals(Decimal.LOGICAL_NAME, value.schema().field("price").schema().name());
        assertEquals("2027-03-01T08:30:00Z", value.get("time"));
        assertEquals(2, value.getStruct("properties").get("tickets"));
    }

    @Test
    void aPriceThatADoubleCannotHoldIsNotRounded() {
        configure(Map.of());
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; 9007199254740993 has no double either.
        BigDecimal gross = new BigDecimal("9007199254.74");
        Struct value = (Struct) transform.apply(record(TOPIC, "981", TICKET_SALE, ticketSale("SALE", gross))).value();
        assertEquals("9007199254.74", ((BigDecimal) value.get("price")).toPlainString());
    }

    @Test
    void aStringPriceStaysExactText() {
        Schema schema = SchemaBuilder.struct().field("customer_ref", Schema.STRING_SCHEMA)
                .field("price", Schema.STRING_SCHEMA).field("ts", Schema.INT64_SCHEMA).build();
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("product.id", "gift-card");
        props.put("currency", "EUR");
        props.put("price.field", "price");
        props.put("time.field", "ts");
        transform.configure(props);
        Struct in = new Struct(schema).put("customer_ref", "C-1").put("price", "0.30").put("ts", 0L);
        Struct value = (Struct) transform.apply(record(TOPIC, "1", schema, in)).value();
        assertEquals("0.30", value.get("price"));
        assertEquals("gift-card", value.get("product_id"));
        assertEquals("1970-01-01T00:00:00Z", value.get("time"));
    }

    @Test
    void schemalessPricesAreExactBigDecimals() {
        configure(Map.of("properties", "", "quantity.field", "qty"));
        Map<String, Object> sale = new HashMap<>();
        sale.put("customer_ref", "C-1");
        sale.put("performance_id", 77L);
        sale.put("currency", "GBP");
        sale.put("occurred_at", "2027-03-01T08:30:00Z");
        sale.put("qty", 3);
        sale.put("gross_amount", 0.1d);
        assertEquals(new BigDecimal("0.1"), ((Map<?, ?>) transform.apply(schemaless(TOPIC, "1", sale)).value()).get("price"));
        sale.put("gross_amount", "19.990");
        Map<?, ?> value = (Map<?, ?>) transform.apply(schemaless(TOPIC, "1", sale)).value();
        assertEquals(new BigDecimal("19.990"), value.get("price"));
        assertEquals(3, value.get("quantity"));
    }

    @Test
    void badPricesCurrenciesAndQuantitiesAreRejectedNamingTheField() {
        configure(Map.of("properties", "", "quantity.field", "qty"));
        Map<String, Object> sale = new HashMap<>();
        sale.put("customer_ref", "C-1");
        sale.put("performance_id", 77L);
        sale.put("currency", "GBP");
        sale.put("occurred_at", "2027-03-01T08:30:00Z");
        sale.put("qty", 1);
        sale.put("gross_amount", "12,50");
        assertEquals("Field 'gross_amount': '12,50' is not a decimal number",
                assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale))).getMessage());
        sale.put("gross_amount", "12.50");
        sale.put("currency", "gbp");
        assertEquals("Field 'currency' (currency.field): 'gbp' is not an ISO-4217 currency code (a known currency, "
                + "three capital letters)",
                assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale))).getMessage());
        sale.put("currency", "XQZ"); // the right shape, but no currency
        assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale)));
        sale.put("currency", "GBP");
        sale.put("gross_amount", "1e16"); // beyond what Braze's floating-point price holds to the cent
        assertTrue(assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale))).getMessage()
                .contains("out of range"));
        sale.put("gross_amount", "12.50");
        sale.put("qty", 101);
        assertEquals("Field 'qty' (quantity.field) is '101' (Integer): Braze accepts an integer quantity from 1 to 100",
                assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale))).getMessage());
        sale.put("qty", 1);
        sale.remove("gross_amount");
        assertEquals("Field 'gross_amount' (price.field) is null: a purchase needs a price",
                assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "1", sale))).getMessage());
    }

    @Test
    void aTombstonePassesThrough() {
        configure(Map.of());
        SinkRecord tombstone = schemaless(TOPIC, "981", null);
        assertSame(tombstone, transform.apply(tombstone));
    }

    @Test
    void configErrorsNameTheKeyAndTheValue() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("product.id", "p");
        props.put("currency", "pounds");
        props.put("price.field", "gross_amount");
        ConfigException e = assertThrows(ConfigException.class, () -> new BrazePurchase.Value<SinkRecord>().configure(props));
        assertEquals("Invalid value pounds for configuration currency: must be an ISO-4217 code: three upper-case letters, "
                + "e.g. GBP", e.getMessage());
        props.put("currency", "GBP");
        props.remove("price.field");
        e = assertThrows(ConfigException.class, () -> new BrazePurchase.Value<SinkRecord>().configure(props));
        assertEquals("Missing required configuration \"price.field\" which has no default value.", e.getMessage());
        props.put("price.field", "gross_amount");
        props.remove("product.id");
        e = assertThrows(ConfigException.class, () -> new BrazePurchase.Value<SinkRecord>().configure(props));
        assertEquals("Invalid value null for configuration product.id: set either product.id or product.id.field",
                e.getMessage());
        props.put("product.id", "p");
        props.put("properties", "sale_id:a,order_id:a");
        e = assertThrows(ConfigException.class, () -> new BrazePurchase.Value<SinkRecord>().configure(props));
        assertTrue(e.getMessage().startsWith("Invalid value order_id:a for configuration properties: the target 'a' is "
                + "written by more than one entry"), e.getMessage());
    }
}
