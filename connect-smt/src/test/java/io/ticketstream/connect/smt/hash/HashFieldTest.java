package io.ticketstream.connect.smt.hash;

import static io.ticketstream.connect.smt.CanonicalRecords.TICKET_SALE;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static io.ticketstream.connect.smt.CanonicalRecords.ticketSale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class HashFieldTest {

    private static final String SALT = "s3cr3t";
    // Reference digests computed outside Java: printf '%s' 's3cr3tada@example.com' | sha256sum
    private static final String ADA = "56c80adbfe602613a741451dc0a19462cf9565c559ac5afc940419cfd86a7935";
    private static final String ADA_RAW_PADDED = "eff3e80b7c8d42e01d695fa17b144e6afe13bb986fd5724ab6af11f3f1c0cb5a";
    private static final String ORDER_981 = "8257492d952b996290cf2071672a855a1c06e7db049aa559c0a5ac4a1be89bdc";

    private static HashField<SinkRecord> value(String fields, String normalization) {
        HashField<SinkRecord> transform = new HashField.Value<>();
        transform.configure(Map.of("fields", fields, "salt", SALT, "normalization", normalization));
        return transform;
    }

    @Test
    void aNestedStructFieldIsReplacedByItsSaltedSha256() {
        HashField<SinkRecord> transform = value("customer.email", "trim_lowercase");
        Struct sale = ticketSale("SALE", BigDecimal.TEN);
        sale.getStruct("customer").put("email", "  Ada@Example.COM ");

        SinkRecord out = transform.apply(record("t", "981", TICKET_SALE, sale));

        Struct value = (Struct) out.value();
        assertEquals(ADA, value.getStruct("customer").get("email"));
        assertEquals("Ada", value.getStruct("customer").get("first_name"));
        assertEquals(new BigDecimal("10"), value.get("gross_amount"));
        assertEquals(Schema.Type.STRING, out.valueSchema().field("customer").schema().field("email").schema().type());
        assertTrue(out.valueSchema().field("customer").schema().isOptional());
    }

    @Test
    void withoutNormalizationTheTextIsHashedAsItIs() {
        HashField<SinkRecord> transform = value("email", "none");
        Map<String, Object> in = new HashMap<>(Map.of("email", "  Ada@Example.COM ", "other", 1));
        Map<?, ?> out = (Map<?, ?>) transform.apply(schemaless("t", "k", in)).value();
        assertEquals(ADA_RAW_PADDED, out.get("email"));
        assertEquals(1, out.get("other"));
        assertEquals("  Ada@Example.COM ", in.get("email"), "the input map is not modified");
    }

    @Test
    void numbersAreHashedAsTheirDecimalTextAndTheSchemaBecomesString() {
        HashField<SinkRecord> transform = value("order_id", "none");
        SinkRecord out = transform.apply(record("t", "981", TICKET_SALE, ticketSale("SALE", BigDecimal.TEN)));
        assertEquals(ORDER_981, ((Struct) out.value()).get("order_id"));
        assertEquals(Schema.STRING_SCHEMA, out.valueSchema().field("order_id").schema());
    }

    @Test
    void nullStaysNullAndAMissingParentIsLeftAlone() {
        HashField<SinkRecord> transform = value("customer.email", "trim_lowercase");
        Struct sale = ticketSale("SALE", BigDecimal.TEN).put("customer", null);
        assertNull(((Struct) transform.apply(record("t", "981", TICKET_SALE, sale)).value()).get("customer"));

        Map<String, Object> map = new HashMap<>();
        map.put("customer", null);
        assertNull(((Map<?, ?>) transform.apply(schemaless("t", "k", map)).value()).get("customer"));
    }

    @Test
    void theKeyVariantHashesTheKey() {
        Schema keySchema = SchemaBuilder.struct().field("email", Schema.STRING_SCHEMA).build();
        HashField<SinkRecord> transform = new HashField.Key<>();
        transform.configure(Map.of("fields", "email", "salt", SALT, "normalization", "trim_lowercase"));
        SinkRecord in = new SinkRecord("t", 0, keySchema, new Struct(keySchema).put("email", "ada@example.com"),
                Schema.STRING_SCHEMA, "v", 1L);
        SinkRecord out = transform.apply(in);
        assertEquals(ADA, ((Struct) out.key()).get("email"));
        assertEquals("v", out.value());

        SinkRecord schemalessKey = new SinkRecord("t", 0, null, new HashMap<>(Map.of("email", "ada@example.com")), null, "v", 1L);
        assertEquals(ADA, ((Map<?, ?>) transform.apply(schemalessKey).key()).get("email"));
    }

    @Test
    void aTombstonePassesThrough() {
        HashField<SinkRecord> transform = value("email", "none");
        SinkRecord tombstone = record("t", "k", null, null);
        assertSame(tombstone, transform.apply(tombstone));
    }

    @Test
    void structsCannotBeHashed() {
        HashField<SinkRecord> transform = value("customer", "none");
        DataException e = assertThrows(DataException.class,
                () -> transform.apply(record("t", "981", TICKET_SALE, ticketSale("SALE", BigDecimal.TEN))));
        assertEquals("Field 'customer' (fields) is of type io.ticketstream.schemas.SaleCustomer: only text and integers "
                + "can be hashed", e.getMessage());
    }

    @Test
    void theSaltIsNeverInAnErrorMessage() {
        ConfigException empty = assertThrows(ConfigException.class,
                () -> new HashField.Value<SinkRecord>().configure(Map.of("fields", "email", "salt", "")));
        assertEquals("Invalid value [hidden] for configuration salt: an empty salt makes the hashes of e-mail addresses "
                + "reversible by a dictionary; give a secret through a config provider", empty.getMessage());

        ConfigException bad = assertThrows(ConfigException.class, () -> new HashField.Value<SinkRecord>()
                .configure(Map.of("fields", "email", "salt", SALT, "normalization", "upper")));
        assertFalse(bad.getMessage().contains(SALT));
        assertEquals("Invalid value upper for configuration normalization: String must be one of: none, trim, trim_lowercase",
                bad.getMessage());
        assertEquals("[hidden]", HashField.CONFIG_DEF.parse(Map.of("fields", "email", "salt", SALT)).get("salt").toString());
    }

    @Test
    void overlappingFieldsAreAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new HashField.Value<SinkRecord>()
                .configure(Map.of("fields", "customer,customer.email", "salt", SALT)));
        assertEquals("Invalid value customer.email for configuration fields: a parent of this field is hashed already",
                e.getMessage());
    }
}
