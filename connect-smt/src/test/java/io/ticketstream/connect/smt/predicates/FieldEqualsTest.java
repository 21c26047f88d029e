package io.ticketstream.connect.smt.predicates;

import static io.ticketstream.connect.smt.CanonicalRecords.CUSTOMER_CHANGE;
import static io.ticketstream.connect.smt.CanonicalRecords.TICKET_SALE;
import static io.ticketstream.connect.smt.CanonicalRecords.customerChange;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static io.ticketstream.connect.smt.CanonicalRecords.ticketSale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.smt.braze.BrazePurchase;

class FieldEqualsTest {

    private static FieldEquals<SinkRecord> value(String field, String values) {
        FieldEquals<SinkRecord> predicate = new FieldEquals.Value<>();
        predicate.configure(Map.of("field", field, "values", values));
        return predicate;
    }

    @Test
    void matchesTicketSaleSaleButNotReversal() {
        FieldEquals<SinkRecord> sale = value("type", "SALE");
        assertTrue(sale.test(record("t", "981", TICKET_SALE, ticketSale("SALE", BigDecimal.ONE))));
        assertFalse(sale.test(record("t", "981", TICKET_SALE, ticketSale("REVERSAL", BigDecimal.ONE))));
    }

    @Test
    void matchesAnyListedValueOfANestedFieldWithoutASchema() {
        FieldEquals<SinkRecord> predicate = value("performance.genre", "opera,jazz");
        assertTrue(predicate.test(schemaless("t", "k", Map.of("performance", Map.of("genre", "jazz")))));
        assertFalse(predicate.test(schemaless("t", "k", Map.of("performance", Map.of("genre", "rock")))));
        assertFalse(predicate.test(schemaless("t", "k", Map.of("other", 1))));
    }

    @Test
    void numbersAndBooleansCompareAsText() {
        assertTrue(value("order_id", "981").test(record("t", "981", TICKET_SALE, ticketSale("SALE", BigDecimal.ONE))));
        assertTrue(value("first_seen", "false").test(record("t", "k", CUSTOMER_CHANGE, customerChange())));
    }

    @Test
    void tombstonesMissingFieldsAndNullsNeverMatch() {
        FieldEquals<SinkRecord> predicate = value("type", "SALE");
        assertFalse(predicate.test(record("t", "k", null, null)));
        assertFalse(predicate.test(record("t", "k", CUSTOMER_CHANGE, customerChange())), "a schema without the field");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("type", null);
        assertFalse(predicate.test(schemaless("t", "k", withNull)));
    }

    @Test
    void theKeyVariantTestsTheKey() {
        Schema keySchema = SchemaBuilder.struct().field("region", Schema.STRING_SCHEMA).build();
        FieldEquals<SinkRecord> predicate = new FieldEquals.Key<>();
        predicate.configure(Map.of("field", "region", "values", "eu"));
        assertTrue(predicate.test(new SinkRecord("t", 0, keySchema, new Struct(keySchema).put("region", "eu"), null, null, 0)));
        assertFalse(predicate.test(new SinkRecord("t", 0, null, "eu", null, null, 0)), "a plain string key has no fields");
    }

    /** What Connect does for "transforms.x.predicate": apply the transform only when the predicate matches. */
    @Test
    void guardsATransformSoReversalsAreNotTurnedIntoPurchases() {
        Predicate<SinkRecord> isSale = value("type", "SALE");
        Transformation<SinkRecord> purchase = new BrazePurchase.Value<>();
        purchase.configure(Map.of("user.id.field", "customer_ref", "product.id.field", "performance_id",
                "currency.field", "currency", "price.field", "gross_amount", "time.field", "occurred_at"));
        List<SinkRecord> out = new java.util.ArrayList<>();
        for (String type : List.of("SALE", "REVERSAL")) {
            SinkRecord in = record("t", "981", TICKET_SALE, ticketSale(type, BigDecimal.ONE));
            out.add(isSale.test(in) ? purchase.apply(in) : in);
        }
        assertEquals("purchase", ((Struct) out.get(0).value()).get("braze_type"));
        assertEquals(TICKET_SALE, out.get(1).valueSchema());
        assertNull(TICKET_SALE.field("braze_type"));
    }

    @Test
    void configErrorsNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new FieldEquals.Value<SinkRecord>().configure(Map.of("field", "type", "values", "")));
        assertEquals("Invalid value  for configuration values: list at least one value to match", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new FieldEquals.Value<SinkRecord>().configure(Map.of("values", "SALE")));
        assertEquals("Missing required configuration \"field\" which has no default value.", e.getMessage());
    }
}
