package io.ticketstream.connect.smt.braze;

import static io.ticketstream.connect.smt.CanonicalRecords.CUSTOMER_CHANGE;
import static io.ticketstream.connect.smt.CanonicalRecords.customerChange;
import static io.ticketstream.connect.smt.CanonicalRecords.customerChangeMap;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrazeAttributesTest {

    private static final String TOPIC = "ticketing.customer-change.v1";
    private static final String EMAIL_GROUP = "3e9a1c0e-0000-4000-8000-000000000001";
    private static final String SMS_GROUP = "3e9a1c0e-0000-4000-8000-000000000002";
    private static final String ATTRIBUTES = "email,phone,first_name,last_name,date_of_birth:dob,country,city:home_city,"
            + "favourite_genres,loyalty_tier,loyalty_points,commit_ts:profile_updated_at";

    private final BrazeAttributes<SinkRecord> transform = new BrazeAttributes.Value<>();

    @AfterEach
    void close() {
        transform.close();
    }

    private void configure(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", ATTRIBUTES);
        props.putAll(extra);
        transform.configure(props);
    }

    private static Map<String, String> changeConfig() {
        Map<String, String> props = new HashMap<>();
        props.put("changed.fields.field", "changed_fields");
        props.put("subscription.groups", "email_opt_in:" + EMAIL_GROUP + ",sms_opt_in:" + SMS_GROUP);
        return props;
    }

    private static List<String> fieldNames(Struct struct) {
        return struct.schema().fields().stream().map(Field::name).collect(Collectors.toList());
    }

    @Test
    void sendsOnlyTheListedFieldsOfACustomerChange() {
        configure(changeConfig());
        Struct change = customerChange("first_name", "date_of_birth");

        SinkRecord out = transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change));

        Struct value = (Struct) out.value();
        assertEquals(List.of("braze_type", "external_id", "first_name", "dob"), fieldNames(value));
        assertEquals("attributes", value.get("braze_type"));
        assertEquals("C-000123", value.get("external_id"));
        assertEquals("Ada", value.get("first_name"));
        assertEquals("1990-04-01", value.get("dob"));
        assertSame(out.valueSchema(), value.schema());
    }

    @Test
    void aListedNullRemovesTheAttributeThroughBrazeUnsetInAStruct() {
        configure(changeConfig());
        Struct change = customerChange("city", "loyalty_tier", "email").put("city", null).put("loyalty_tier", null);

        Struct value = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();

        assertEquals(List.of("braze_type", "external_id", "email", "braze_unset"), fieldNames(value));
        assertEquals(List.of("home_city", "loyalty_tier"), value.getArray("braze_unset"));
    }

    @Test
    void anUnlistedNullIsNotSent() {
        configure(changeConfig());
        Struct change = customerChange("email").put("city", null);

        Struct value = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();

        assertEquals(List.of("braze_type", "external_id", "email"), fieldNames(value));
    }

    @Test
    void aListedNullIsSentAsNullWithoutASchema() {
        configure(changeConfig());
        Map<String, Object> change = customerChangeMap("city", "first_name");
        change.put("city", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) transform.apply(schemaless(TOPIC, "C-000123", change)).value();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("braze_type", "attributes");
        expected.put("external_id", "C-000123");
        expected.put("first_name", "Ada");
        expected.put("home_city", null);
        assertEquals(expected, value);
        assertTrue(value.containsKey("home_city"));
    }

    @Test
    void optInChangesBecomeSubscriptionGroupsOnlyWhenListed() {
        configure(changeConfig());
        Struct change = customerChange("email_opt_in");

        Struct value = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();

        assertEquals(List.of("braze_type", "external_id", "subscription_groups"), fieldNames(value));
        List<Struct> groups = value.getArray("subscription_groups");
        assertEquals(1, groups.size());
        assertEquals(EMAIL_GROUP, groups.get(0).get("subscription_group_id"));
        assertEquals("subscribed", groups.get(0).get("subscription_state"));
    }

    @Test
    void aFirstSeenChangeSendsEverythingAndBothGroups() {
        configure(changeConfig());
        Struct change = customerChange("customer_ref", "email", "phone", "first_name", "last_name", "date_of_birth",
                "country", "city", "email_opt_in", "sms_opt_in", "favourite_genres", "loyalty_tier", "loyalty_points",
                "commit_ts").put("first_seen", true);

        Struct value = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();

        assertEquals(List.of("braze_type", "external_id", "email", "phone", "first_name", "last_name", "dob", "country",
                "home_city", "favourite_genres", "loyalty_tier", "loyalty_points", "profile_updated_at",
                "subscription_groups"), fieldNames(value));
        assertEquals(List.of("opera", "jazz"), value.getArray("favourite_genres"));
        assertEquals(1200L, value.get("loyalty_points"));
        assertEquals("2027-03-01T08:30:00.123Z", value.get("profile_updated_at"));
        List<Struct> groups = value.getArray("subscription_groups");
        assertEquals("unsubscribed", groups.get(1).get("subscription_state"));
        assertEquals(SMS_GROUP, groups.get(1).get("subscription_group_id"));
    }

    @Test
    void aChangeOfNothingMappedIsDroppedByDefaultAndKeptOnRequest() {
        configure(changeConfig());
        assertNull(transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, customerChange("unmapped_field"))));

        Map<String, String> keep = changeConfig();
        keep.put("empty.handling", "keep");
        configure(keep);
        Struct value = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE,
                customerChange("unmapped_field"))).value();
        assertEquals(List.of("braze_type", "external_id"), fieldNames(value));
    }

    @Test
    void withoutChangedFieldsNullsAreOmittedOrRemovedAsConfigured() {
        configure(Map.of());
        Struct change = customerChange().put("city", null);
        Struct omitted = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();
        assertFalse(fieldNames(omitted).contains("home_city"));
        assertFalse(fieldNames(omitted).contains("braze_unset"));
        assertTrue(fieldNames(omitted).contains("first_name"));

        configure(Map.of("null.handling", "remove"));
        Struct removed = (Struct) transform.apply(record(TOPIC, "C-000123", CUSTOMER_CHANGE, change)).value();
        assertEquals(List.of("home_city"), removed.getArray("braze_unset"));
    }

    @Test
    void nestedFieldsAndSubscriptionsWorkWithoutASchema() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "date_of_birth:dob,preferences.email_opt_in,commit_ts");
        props.put("subscription.groups", "preferences.sms_opt_in:" + SMS_GROUP);
        transform.configure(props);

        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) transform.apply(
                schemaless(TOPIC, "C-000123", customerChangeMap())).value();

        assertEquals("1990-04-01", value.get("dob"));
        assertEquals(true, value.get("preferences_email_opt_in"));
        // Schemaless numbers are passed on as they are: nothing says this long is a time.
        assertEquals(io.ticketstream.connect.smt.CanonicalRecords.COMMIT.toEpochMilli(), value.get("commit_ts"));
        assertEquals(List.of(Map.of("subscription_group_id", SMS_GROUP, "subscription_state", "unsubscribed")),
                value.get("subscription_groups"));
    }

    @Test
    void nestedStructFieldsAreReachedByDottedPaths() {
        Schema prefs = SchemaBuilder.struct().name("Prefs").optional()
                .field("email_opt_in", Schema.OPTIONAL_BOOLEAN_SCHEMA).build();
        Schema schema = SchemaBuilder.struct().name("Customer")
                .field("customer_ref", Schema.STRING_SCHEMA)
                .field("preferences", prefs).build();
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "preferences.email_opt_in:email_marketing");
        transform.configure(props);

        Struct with = new Struct(schema).put("customer_ref", "C-1").put("preferences", new Struct(prefs).put("email_opt_in", true));
        Struct without = new Struct(schema).put("customer_ref", "C-1");

        assertEquals(true, ((Struct) transform.apply(record(TOPIC, "C-1", schema, with)).value()).get("email_marketing"));
        assertNull(transform.apply(record(TOPIC, "C-1", schema, without)), "a null parent means no value: nothing to send");
    }

    @Test
    void theOutputSchemaIsDerivedOncePerShape() {
        configure(changeConfig());
        Schema first = transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("email"))).valueSchema();
        transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("first_name")));
        Schema again = transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("email"))).valueSchema();
        assertSame(first, again);
    }

    @Test
    void aTombstonePassesThroughUntouched() {
        configure(changeConfig());
        SinkRecord tombstone = record(TOPIC, "C-000123", null, null);
        assertSame(tombstone, transform.apply(tombstone));
        SinkRecord schemalessTombstone = schemaless(TOPIC, "C-000123", null);
        assertSame(schemalessTombstone, transform.apply(schemalessTombstone));
    }

    @Test
    void keyTopicTimestampAndHeadersAreKept() {
        configure(changeConfig());
        SinkRecord in = record(TOPIC, "C-000123", CUSTOMER_CHANGE, customerChange("email"));
        in.headers().addString("trace", "t-1");
        SinkRecord out = transform.apply(in);
        assertEquals(in.key(), out.key());
        assertEquals(in.keySchema(), out.keySchema());
        assertEquals(in.topic(), out.topic());
        assertEquals(in.timestamp(), out.timestamp());
        assertEquals("t-1", out.headers().lastWithName("trace").value());
        assertEquals(42L, out.kafkaOffset());
    }

    @Test
    void userAliasIdentifierIsAStructWithTheConfiguredLabel() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.type", "user_alias");
        props.put("user.alias.label", "crm_ref");
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "first_name");
        transform.configure(props);

        Struct value = (Struct) transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange())).value();
        Struct alias = value.getStruct("user_alias");
        assertEquals("C-000123", alias.get("alias_name"));
        assertEquals("crm_ref", alias.get("alias_label"));

        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) transform.apply(schemaless(TOPIC, "C-1", customerChangeMap())).value();
        assertEquals(Map.of("alias_name", "C-000123", "alias_label", "crm_ref"), map.get("user_alias"));
    }

    @Test
    void updateExistingOnlyIsSentWhenAskedFor() {
        Map<String, String> props = changeConfig();
        props.put("update.existing.only", "true");
        configure(props);
        Struct value = (Struct) transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("email"))).value();
        assertEquals(true, value.get("_update_existing_only"));
    }

    @Test
    void aMissingIdentifierIsAnErrorNamingTheField() {
        configure(changeConfig());
        Map<String, Object> change = customerChangeMap("email");
        change.put("customer_ref", " ");
        DataException e = assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "k", change)));
        assertEquals("Field 'customer_ref' (the external_id identifier) is ' ' (String): Braze needs a non-empty text "
                + "or number to name the user", e.getMessage());
    }

    @Test
    void aDobThatIsNotADateIsAnErrorNamingFieldAndValue() {
        configure(changeConfig());
        Map<String, Object> change = customerChangeMap("date_of_birth");
        change.put("date_of_birth", "01/04/1990");
        DataException e = assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "k", change)));
        assertEquals("Field 'date_of_birth': '01/04/1990' is not a date in the form YYYY-MM-DD", e.getMessage());
    }

    @Test
    void aGenderBrazeDoesNotKnowIsRejected() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "sex:gender");
        transform.configure(props);
        Map<String, Object> value = new HashMap<>(Map.of("customer_ref", "C-1", "sex", "female"));
        DataException e = assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "k", value)));
        assertTrue(e.getMessage().startsWith("Field 'sex': 'female' is not a valid value of Braze's standard attribute gender"),
                e.getMessage());
        value.put("sex", "F");
        assertEquals("F", ((Map<?, ?>) transform.apply(schemaless(TOPIC, "k", value)).value()).get("gender"));
    }

    @Test
    void aSubscriptionFieldThatIsNotBooleanIsRejectedWithItsType() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "email");
        props.put("subscription.groups", "email:" + EMAIL_GROUP);
        transform.configure(props);
        DataException e = assertThrows(DataException.class,
                () -> transform.apply(record(TOPIC, "k", CUSTOMER_CHANGE, customerChange())));
        assertEquals("Field 'email' (subscription.groups) is of type STRING, not a boolean", e.getMessage());
    }

    @Test
    void aFieldMissingFromTheSchemaIsAnErrorListingTheFields() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("attributes", "emial");
        transform.configure(props);
        DataException e = assertThrows(DataException.class,
                () -> transform.apply(record(TOPIC, "k", CUSTOMER_CHANGE, customerChange())));
        assertTrue(e.getMessage().startsWith("Field path 'emial': no field 'emial' in schema "
                + "'io.ticketstream.schemas.CustomerChange' (fields: [customer_ref,"), e.getMessage());
    }

    @Test
    void configErrorsNameTheKeyAndTheValue() {
        assertConfigError(Map.of("attributes", "email"), "Missing required configuration \"user.id.field\" which has no default value.");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "customer_ref:external_id"),
                "Invalid value customer_ref:external_id for configuration attributes: the target 'external_id' is written "
                        + "by the transform itself (reserved: ");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "city,town:city"),
                "Invalid value town:city for configuration attributes: the target 'city' is written by more than one entry");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "a..b"),
                "Invalid value a..b for configuration attributes: a field path is field names separated by single dots, "
                        + "with no empty segment");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "email", "user.id.type", "user_alias"),
                "Invalid value null for configuration user.alias.label: is required when user.id.type=user_alias");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "email", "null.handling", "delete"),
                "Invalid value delete for configuration null.handling: String must be one of: omit, remove");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", "email", "subscription.groups", "email_opt_in"),
                "Invalid value email_opt_in for configuration subscription.groups: an entry is "
                        + "'boolean.field:subscription_group_id' (prefix '!' to invert an opt-out flag)");
        assertConfigError(Map.of("user.id.field", "customer_ref", "attributes", ""),
                "Invalid value  for configuration attributes: list at least one attribute to send");
    }

    @Test
    void emailIsAnAttributeUnlessItNamesTheUser() {
        configure(Map.of("attributes", "email"));
        assertConfigError(Map.of("user.id.field", "email", "user.id.type", "email", "attributes", "email"),
                "Invalid value email for configuration attributes: the target 'email' is written by the transform itself");
    }

    private void assertConfigError(Map<String, String> props, String messageStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> new BrazeAttributes.Value<SinkRecord>().configure(props));
        assertTrue(e.getMessage().startsWith(messageStart), () -> "message was: " + e.getMessage());
    }
}
