package io.ticketstream.connect.smt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Connect-side shapes of the canonical CustomerChange and TicketSale records, as the canonical Avro
 * converter maps them (optional unions to optional fields, date to Date, timestamp-millis to Timestamp,
 * decimal to Decimal, enums to strings), for the transforms' unit tests. The chain test uses the real
 * converter on real Avro bytes instead.
 */
public final class CanonicalRecords {

    public static final Schema CUSTOMER_CHANGE = SchemaBuilder.struct().name("io.ticketstream.schemas.CustomerChange")
            .field("customer_ref", Schema.STRING_SCHEMA)
            .field("first_seen", Schema.BOOLEAN_SCHEMA)
            .field("changed_fields", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("phone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("last_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("date_of_birth", Date.builder().optional().build())
            .field("country", Schema.OPTIONAL_STRING_SCHEMA)
            .field("city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("email_opt_in", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("sms_opt_in", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("favourite_genres", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("loyalty_tier", Schema.OPTIONAL_STRING_SCHEMA)
            .field("loyalty_points", Schema.OPTIONAL_INT64_SCHEMA)
            .field("commit_ts", Timestamp.SCHEMA)
            .build();

    public static final Schema SALE_CUSTOMER = SchemaBuilder.struct().name("io.ticketstream.schemas.SaleCustomer").optional()
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("last_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("country", Schema.OPTIONAL_STRING_SCHEMA)
            .field("city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("loyalty_tier", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema SALE_PERFORMANCE = SchemaBuilder.struct().name("io.ticketstream.schemas.SalePerformance")
            .optional()
            .field("starts_at", Timestamp.builder().optional().build())
            .field("attraction_id", Schema.INT64_SCHEMA)
            .field("attraction_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("genre", Schema.OPTIONAL_STRING_SCHEMA)
            .field("venue_id", Schema.INT64_SCHEMA)
            .field("venue_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("venue_city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("venue_country", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema TICKET_SALE = SchemaBuilder.struct().name("io.ticketstream.schemas.TicketSale")
            .field("sale_id", Schema.STRING_SCHEMA)
            .field("type", SchemaBuilder.string().parameter("io.ticketstream.avro.enum", "io.ticketstream.schemas.SaleType")
                    .build())
            .field("order_id", Schema.INT64_SCHEMA)
            .field("occurred_at", Timestamp.SCHEMA)
            .field("customer_ref", Schema.STRING_SCHEMA)
            .field("customer_known", Schema.BOOLEAN_SCHEMA)
            .field("customer", SALE_CUSTOMER)
            .field("performance_id", Schema.INT64_SCHEMA)
            .field("performance_known", Schema.BOOLEAN_SCHEMA)
            .field("performance", SALE_PERFORMANCE)
            .field("ticket_count", Schema.INT32_SCHEMA)
            .field("gross_amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").build())
            .field("currency", Schema.STRING_SCHEMA)
            .field("channel", Schema.STRING_SCHEMA)
            .build();

    public static final Instant COMMIT = Instant.parse("2027-03-01T08:30:00.123Z");
    public static final Instant OCCURRED = Instant.parse("2027-03-01T08:30:00Z");
    public static final Instant STARTS = Instant.parse("2027-04-10T18:30:00Z");

    private CanonicalRecords() {
    }

    /** A full CustomerChange (every attribute set) listing {@code changed}. */
    public static Struct customerChange(String... changed) {
        return new Struct(CUSTOMER_CHANGE)
                .put("customer_ref", "C-000123")
                .put("first_seen", false)
                .put("changed_fields", Arrays.asList(changed))
                .put("email", "ada@example.com")
                .put("phone", "+447700900123")
                .put("first_name", "Ada")
                .put("last_name", "Lovelace")
                .put("date_of_birth", java.util.Date.from(LocalDate.parse("1990-04-01").atStartOfDay().toInstant(
                        java.time.ZoneOffset.UTC)))
                .put("country", "GB")
                .put("city", "Leeds")
                .put("email_opt_in", true)
                .put("sms_opt_in", false)
                .put("favourite_genres", List.of("opera", "jazz"))
                .put("loyalty_tier", "GOLD")
                .put("loyalty_points", 1200L)
                .put("commit_ts", java.util.Date.from(COMMIT));
    }

    /** The same CustomerChange as a schemaless map (what JsonConverter with schemas.enable=false gives). */
    public static Map<String, Object> customerChangeMap(String... changed) {
        Map<String, Object> map = new HashMap<>();
        map.put("customer_ref", "C-000123");
        map.put("first_seen", false);
        map.put("changed_fields", new ArrayList<>(Arrays.asList(changed)));
        map.put("email", "ada@example.com");
        map.put("phone", "+447700900123");
        map.put("first_name", "Ada");
        map.put("last_name", "Lovelace");
        map.put("date_of_birth", "1990-04-01");
        map.put("country", "GB");
        map.put("city", "Leeds");
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("email_opt_in", true);
        preferences.put("sms_opt_in", false);
        map.put("preferences", preferences);
        map.put("favourite_genres", List.of("opera", "jazz"));
        map.put("loyalty_tier", "GOLD");
        map.put("loyalty_points", 1200L);
        map.put("commit_ts", COMMIT.toEpochMilli());
        return map;
    }

    public static Struct ticketSale(String type, BigDecimal gross) {
        Struct customer = new Struct(SALE_CUSTOMER).put("email", "ada@example.com").put("first_name", "Ada")
                .put("country", "GB");
        Struct performance = new Struct(SALE_PERFORMANCE)
                .put("starts_at", java.util.Date.from(STARTS))
                .put("attraction_id", 5L)
                .put("attraction_name", "La Traviata")
                .put("genre", "opera")
                .put("venue_id", 9L)
                .put("venue_name", "Grand Theatre")
                .put("venue_city", null)
                .put("venue_country", "GB");
        return new Struct(TICKET_SALE)
                .put("sale_id", "981-" + type)
                .put("type", type)
                .put("order_id", 981L)
                .put("occurred_at", java.util.Date.from(OCCURRED))
                .put("customer_ref", "C-000123")
                .put("customer_known", true)
                .put("customer", customer)
                .put("performance_id", 77L)
                .put("performance_known", true)
                .put("performance", performance)
                .put("ticket_count", 2)
                .put("gross_amount", gross)
                .put("currency", "GBP")
                .put("channel", "WEB");
    }

    public static SinkRecord record(String topic, Object key, Schema valueSchema, Object value) {
        return new SinkRecord(topic, 0, Schema.STRING_SCHEMA, key, valueSchema, value, 42L, COMMIT.toEpochMilli(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    }

    public static SinkRecord schemaless(String topic, Object key, Object value) {
        return new SinkRecord(topic, 0, null, key, null, value, 42L, COMMIT.toEpochMilli(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    }
}
