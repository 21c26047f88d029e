package io.ticketstream.bench.smt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Records shaped like the canonical CustomerChange and TicketSale as the CanonicalAvroConverter hands them to
 * transforms (one Schema instance per topic, as the converter caches it), with varying content so the
 * benchmarks do not measure one lucky branch.
 */
final class SmtFixtures {

    static final String EMAIL_GROUP = "3e9a1c0e-0000-4000-8000-000000000001";
    static final String SMS_GROUP = "3e9a1c0e-0000-4000-8000-000000000002";
    static final int RECORDS = 256;

    static final Schema CUSTOMER_CHANGE = SchemaBuilder.struct().name("io.ticketstream.schemas.CustomerChange")
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

    static final Schema SALE_CUSTOMER = SchemaBuilder.struct().name("io.ticketstream.schemas.SaleCustomer").optional()
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("country", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema SALE_PERFORMANCE = SchemaBuilder.struct().name("io.ticketstream.schemas.SalePerformance").optional()
            .field("starts_at", Timestamp.builder().optional().build())
            .field("attraction_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("venue_name", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema TICKET_SALE = SchemaBuilder.struct().name("io.ticketstream.schemas.TicketSale")
            .field("sale_id", Schema.STRING_SCHEMA)
            .field("type", Schema.STRING_SCHEMA)
            .field("order_id", Schema.INT64_SCHEMA)
            .field("occurred_at", Timestamp.SCHEMA)
            .field("customer_ref", Schema.STRING_SCHEMA)
            .field("customer", SALE_CUSTOMER)
            .field("performance_id", Schema.INT64_SCHEMA)
            .field("performance", SALE_PERFORMANCE)
            .field("ticket_count", Schema.INT32_SCHEMA)
            .field("gross_amount", Decimal.schema(2))
            .field("currency", Schema.STRING_SCHEMA)
            .field("channel", Schema.STRING_SCHEMA)
            .build();

    private static final String[][] CHANGES = {
            {"email"}, {"first_name", "last_name"}, {"city"}, {"email_opt_in"}, {"date_of_birth", "country"},
            {"loyalty_tier", "loyalty_points"}, {"sms_opt_in", "email"}, {"favourite_genres"},
    };
    private static final String[] ALL = {"email", "phone", "first_name", "last_name", "date_of_birth", "country", "city",
            "email_opt_in", "sms_opt_in", "favourite_genres", "loyalty_tier", "loyalty_points"};

    private SmtFixtures() {
    }

    /** CustomerChange records: one in eight is a first_seen (every field listed), the rest small changes. */
    static SinkRecord[] customerChanges() {
        SinkRecord[] records = new SinkRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            boolean firstSeen = i % 8 == 0;
            Struct value = new Struct(CUSTOMER_CHANGE)
                    .put("customer_ref", "C-" + (100_000 + i))
                    .put("first_seen", firstSeen)
                    .put("changed_fields", List.of(firstSeen ? ALL : CHANGES[i % CHANGES.length]))
                    .put("email", "user" + i + "@example.com")
                    .put("phone", "+4477009" + (10_000 + i))
                    .put("first_name", "Ada")
                    .put("last_name", "Lovelace")
                    .put("date_of_birth", new java.util.Date(7_000L * 86_400_000L))
                    .put("country", "GB")
                    .put("city", i % 3 == 0 ? null : "Leeds")
                    .put("email_opt_in", i % 2 == 0)
                    .put("sms_opt_in", i % 5 == 0)
                    .put("favourite_genres", List.of("opera", "jazz"))
                    .put("loyalty_tier", "GOLD")
                    .put("loyalty_points", (long) i)
                    .put("commit_ts", new java.util.Date(1_800_000_000_000L + i));
            records[i] = new SinkRecord("ticketing.customer-change.v1", 0, Schema.STRING_SCHEMA, "C-" + i, CUSTOMER_CHANGE,
                    value, i, 1_800_000_000_000L + i, TimestampType.CREATE_TIME);
        }
        return records;
    }

    /** The same CustomerChanges as schemaless maps (JsonConverter with schemas.enable=false). */
    static SinkRecord[] customerChangeMaps() {
        SinkRecord[] records = new SinkRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            Struct struct = (Struct) customerChanges()[i].value();
            Map<String, Object> map = new HashMap<>();
            struct.schema().fields().forEach(f -> map.put(f.name(), struct.get(f)));
            map.put("changed_fields", new ArrayList<>(struct.getArray("changed_fields")));
            map.put("date_of_birth", "1989-03-03");
            map.put("commit_ts", 1_800_000_000_000L + i);
            records[i] = new SinkRecord("ticketing.customer-change.v1", 0, null, "C-" + i, null, map, i);
        }
        return records;
    }

    /** TicketSale records, three SALE for one REVERSAL. */
    static SinkRecord[] ticketSales() {
        SinkRecord[] records = new SinkRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            String type = i % 4 == 3 ? "REVERSAL" : "SALE";
            Struct customer = new Struct(SALE_CUSTOMER).put("email", " User" + i + "@Example.com").put("first_name", "Ada")
                    .put("country", "GB");
            Struct performance = new Struct(SALE_PERFORMANCE)
                    .put("starts_at", java.util.Date.from(Instant.parse("2027-04-10T18:30:00Z")))
                    .put("attraction_name", "La Traviata").put("venue_name", "Grand Theatre");
            Struct value = new Struct(TICKET_SALE)
                    .put("sale_id", (1000 + i) + "-" + type)
                    .put("type", type)
                    .put("order_id", 1000L + i)
                    .put("occurred_at", new java.util.Date(1_800_000_000_000L + i))
                    .put("customer_ref", "C-" + (100_000 + i))
                    .put("customer", customer)
                    .put("performance_id", 77L + i % 10)
                    .put("performance", performance)
                    .put("ticket_count", 1 + i % 4)
                    .put("gross_amount", new BigDecimal(i + 10 + ".50"))
                    .put("currency", "GBP")
                    .put("channel", "WEB");
            records[i] = new SinkRecord("ticketing.ticket-sale.v1", 0, Schema.STRING_SCHEMA, Long.toString(1000L + i),
                    TICKET_SALE, value, i, 1_800_000_000_000L + i, TimestampType.CREATE_TIME);
        }
        return records;
    }
}
