package io.ticketstream.connect.smt.braze;

import static io.ticketstream.connect.smt.CanonicalRecords.CUSTOMER_CHANGE;
import static io.ticketstream.connect.smt.CanonicalRecords.customerChange;
import static io.ticketstream.connect.smt.CanonicalRecords.customerChangeMap;
import static io.ticketstream.connect.smt.CanonicalRecords.record;
import static io.ticketstream.connect.smt.CanonicalRecords.schemaless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BrazeSubscriptionStateTest {

    private static final String TOPIC = "ticketing.customer-change.v1";
    private static final String GROUP = "3e9a1c0e-0000-4000-8000-000000000001";

    private final BrazeSubscriptionState<SinkRecord> transform = new BrazeSubscriptionState.Value<>();

    private void configure(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("subscription.field", "email_opt_in");
        props.put("subscription.group.id", GROUP);
        props.put("changed.fields.field", "changed_fields");
        props.putAll(extra);
        transform.configure(props);
    }

    @Test
    void aListedOptInBecomesOneSubscriptionChange() {
        configure(Map.of());
        Struct value = (Struct) transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("email_opt_in"))).value();
        assertEquals("subscription", value.get("braze_type"));
        assertEquals("C-000123", value.get("external_id"));
        assertEquals(GROUP, value.get("subscription_group_id"));
        assertEquals("subscribed", value.get("subscription_state"));

        Struct optOut = customerChange("email_opt_in").put("email_opt_in", false);
        assertEquals("unsubscribed",
                ((Struct) transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, optOut)).value()).get("subscription_state"));
    }

    @Test
    void anUnlistedOrNullOptInIsNoChangeAndIsDropped() {
        configure(Map.of());
        assertNull(transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange("email"))));
        assertNull(transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE,
                customerChange("email_opt_in").put("email_opt_in", null))));
    }

    @Test
    void anOptOutFlagIsInverted() {
        configure(Map.of("subscription.field.inverted", "true", "changed.fields.field", ""));
        assertEquals("unsubscribed", ((Struct) transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange()))
                .value()).get("subscription_state"));
    }

    @Test
    void schemalessRecordsByEmail() {
        configure(Map.of("user.id.type", "email", "user.id.field", "email", "subscription.field", "preferences.sms_opt_in"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("braze_type", "subscription");
        expected.put("email", "ada@example.com");
        expected.put("subscription_group_id", GROUP);
        expected.put("subscription_state", "unsubscribed");
        assertEquals(expected, transform.apply(schemaless(TOPIC, "C-1", customerChangeMap("preferences"))).value());
        assertNull(transform.apply(schemaless(TOPIC, "C-1", customerChangeMap("email"))));
    }

    @Test
    void aTombstonePassesThrough() {
        configure(Map.of());
        SinkRecord tombstone = record(TOPIC, "C-1", null, null);
        assertSame(tombstone, transform.apply(tombstone));
    }

    @Test
    void aNonBooleanFieldIsRejected() {
        configure(Map.of("subscription.field", "country", "changed.fields.field", ""));
        assertEquals("Field 'country' (subscription.field) is of type STRING, not a boolean", assertThrows(DataException.class,
                () -> transform.apply(record(TOPIC, "C-1", CUSTOMER_CHANGE, customerChange()))).getMessage());
        Map<String, Object> map = customerChangeMap();
        assertEquals("Field 'country': 'GB' (String) is not a boolean, so it cannot set subscription group " + GROUP,
                assertThrows(DataException.class, () -> transform.apply(schemaless(TOPIC, "C-1", map))).getMessage());
    }

    @Test
    void identifiersThatSubscriptionChangesCannotCarryAreAConfigError() {
        Map<String, String> props = new HashMap<>();
        props.put("user.id.field", "customer_ref");
        props.put("user.id.type", "braze_id");
        props.put("subscription.field", "email_opt_in");
        props.put("subscription.group.id", GROUP);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new BrazeSubscriptionState.Value<SinkRecord>().configure(props));
        assertEquals("Invalid value braze_id for configuration user.id.type: subscription changes name the user by "
                + "external_id, email or phone only", e.getMessage());
        props.put("user.id.type", "external_id");
        props.remove("subscription.group.id");
        e = assertThrows(ConfigException.class, () -> new BrazeSubscriptionState.Value<SinkRecord>().configure(props));
        assertEquals("Missing required configuration \"subscription.group.id\" which has no default value.", e.getMessage());
    }
}
