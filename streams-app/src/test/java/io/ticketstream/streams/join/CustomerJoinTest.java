package io.ticketstream.streams.join;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.streams.join.customer.BrazeVisibleChanges;
import io.ticketstream.streams.topology.RawCdc;
import io.ticketstream.streams.topology.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ticketstream.streams.topology.RawCdc.customer;
import static io.ticketstream.streams.topology.RawCdc.customerDelete;
import static io.ticketstream.streams.topology.RawCdc.customerPartial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MongoDB customer documents through the whole topology to Customer and CustomerChange. */
class CustomerJoinTest {

    private static final long T = 1_800_000_000_000L;
    private static final String OID = "5d2c00000000000000000001";

    private final TopologyHarness topology = new TopologyHarness(Duration.ofSeconds(30));

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void firstSightPublishesTheCustomerKeyedByCustomerRefAndEveryVisibleAttribute() {
        topology.pipe(customer("c", T, OID, "C-000123", "anne@example.org", "London", "GOLD", 10));

        List<KeyValue<String, Customer>> customers = topology.customers();
        assertEquals(1, customers.size());
        assertEquals("C-000123", customers.get(0).key);
        assertEquals("London", customers.get(0).value.getCity());
        assertEquals(List.of("musical"), customers.get(0).value.getFavouriteGenres());
        assertEquals(T, customers.get(0).value.getCommitTs().toEpochMilli());

        List<KeyValue<String, CustomerChange>> changes = topology.customerChanges();
        assertEquals(1, changes.size());
        CustomerChange change = changes.get(0).value;
        assertTrue(change.getFirstSeen());
        assertEquals(BrazeVisibleChanges.VISIBLE_FIELDS, change.getChangedFields());
        assertEquals("anne@example.org", change.getEmail());
        assertEquals(10L, change.getLoyaltyPoints());
    }

    @Test
    void aChangeListsOnlyTheVisibleAttributesThatChanged() {
        topology.pipe(customer("c", T, OID, "C-1", "anne@example.org", "London", "GOLD", 10)).customerChanges();
        topology.customers();

        topology.pipe(customer("u", T + 1000, OID, "C-1", "anne@example.org", "Leeds", "GOLD", 10));

        assertEquals(1, topology.customers().size());
        List<KeyValue<String, CustomerChange>> changes = topology.customerChanges();
        assertEquals(1, changes.size());
        CustomerChange change = changes.get(0).value;
        assertFalse(change.getFirstSeen());
        assertEquals(List.of("city"), change.getChangedFields());
        assertEquals("Leeds", change.getCity());
        assertNull(change.getEmail(), "unchanged attributes are not sent (Braze bills per data point)");
    }

    @Test
    void aChangeOfUpdatedAtOnlyPublishesTheNewVersionButNoBrazeDelta() {
        topology.pipe(customer("c", T, OID, "C-1", "anne@example.org", "London", "GOLD", 10));
        topology.customers();
        topology.customerChanges();

        // Same document, touched: only updated_at (set to the commit time by the builder) moves.
        topology.pipe(customer("u", T + 5000, OID, "C-1", "anne@example.org", "London", "GOLD", 10));

        List<KeyValue<String, Customer>> customers = topology.customers();
        assertEquals(1, customers.size());
        assertEquals(T + 5000, customers.get(0).value.getUpdatedAt().toEpochMilli());
        assertEquals(List.of(), topology.customerChanges());
    }

    @Test
    void aPartialUpdateIsMergedIntoTheLastKnownStateAndARedeliveryChangesNothing() {
        topology.pipe(customer("c", T, OID, "C-1", "anne@example.org", "London", "GOLD", 10));
        topology.customers();
        topology.customerChanges();

        RawCdc.Event partial = customerPartial(T + 2000, OID, Map.of("loyalty.points", 250));
        topology.pipe(partial);

        List<KeyValue<String, Customer>> customers = topology.customers();
        assertEquals(1, customers.size());
        Customer merged = customers.get(0).value;
        assertEquals(250L, merged.getLoyaltyPoints());
        assertEquals("London", merged.getCity(), "fields the partial row does not carry keep their last value");
        assertEquals("GOLD", merged.getLoyaltyTier());
        List<KeyValue<String, CustomerChange>> changes = topology.customerChanges();
        assertEquals(1, changes.size());
        assertEquals(List.of("loyalty_points"), changes.get(0).value.getChangedFields());

        topology.pipe(partial); // Debezium is at-least-once: the same envelope again

        assertEquals(List.of(), topology.customers());
        assertEquals(List.of(), topology.customerChanges());
    }

    @Test
    void aDeleteCarryingOnlyTheMongoIdTombstonesTheCustomerRef() {
        topology.pipe(customer("c", T, OID, "C-42", "anne@example.org", "London", "GOLD", 10));
        topology.customers();
        topology.customerChanges();

        topology.pipe(customerDelete(T + 1000, OID));

        List<KeyValue<String, Customer>> customers = topology.customers();
        assertEquals(1, customers.size());
        assertEquals("C-42", customers.get(0).key);
        assertNull(customers.get(0).value);
        assertEquals(List.of(), topology.customerChanges());
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        topology.pipe(customer("u", T + 1000, OID, "C-1", "anne@example.org", "Leeds", "GOLD", 10));
        topology.customers();
        topology.customerChanges();

        topology.pipe(customer("u", T, OID, "C-1", "anne@example.org", "London", "GOLD", 10));

        assertEquals(List.of(), topology.customers());
        assertEquals(List.of(), topology.customerChanges());
    }

    @Test
    void aPartialUpdateForAnUnknownCustomerIsDeadLetteredNamingTheProblem() {
        topology.pipe(customerPartial(T, OID, Map.of("city", "Leeds")));

        assertEquals(List.of(), topology.customers());
        var dlq = topology.dlq();
        assertEquals(1, dlq.size());
        String message = new String(dlq.get(0).headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8);
        assertTrue(message.contains("customers row " + OID) && message.contains("partial"), message);

        // The app carries on.
        topology.pipe(customer("c", T + 1, OID, "C-1", "anne@example.org", "London", "GOLD", 10));
        assertEquals(1, topology.customers().size());
    }
}
