package io.ticketstream.schemas.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

    private final SchemaCatalog catalog = SchemaCatalog.canonical();

    @Test
    void everyEntityHasAPublishedVersion() {
        assertEquals(EnumSet.allOf(CanonicalEntity.class), catalog.entities());
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            assertEquals(1, catalog.versions(entity).get(0).version(), entity.name());
        }
    }

    @Test
    void generatedClassesAreTheLatestPublishedVersion() {
        // The serializer writes with the class schema: its fingerprint must resolve to the latest version.
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            long classFingerprint = SchemaNormalization.parsingFingerprint64(entity.classSchema());
            assertEquals(catalog.latest(entity).fingerprint(), classFingerprint, entity.name());
            assertSame(catalog.latest(entity), catalog.byFingerprint(classFingerprint).orElseThrow());
            assertEquals(catalog.latest(entity).schema(), catalog.findByFingerprint(classFingerprint));
        }
    }

    @Test
    void unknownFingerprintIsAbsent() {
        assertEquals(Optional.empty(), catalog.byFingerprint(42L));
        assertNull(catalog.findByFingerprint(42L));
    }

    @Test
    void entityScopedStoreResolvesOnlyThatEntity() {
        long orderFingerprint = catalog.latest(CanonicalEntity.ORDER).fingerprint();
        assertNull(catalog.storeFor(CanonicalEntity.CUSTOMER).findByFingerprint(orderFingerprint));
        assertEquals(catalog.latest(CanonicalEntity.ORDER).schema(),
                catalog.storeFor(CanonicalEntity.ORDER).findByFingerprint(orderFingerprint));
    }

    @Test
    void canonicalTopicsMapToTheirEntities() {
        assertEquals(Optional.of(CanonicalEntity.CUSTOMER), catalog.entityForTopic("ticketing.customer.v1"));
        assertEquals(Optional.of(CanonicalEntity.PERFORMANCE), catalog.entityForTopic("ticketing.performance.v1"));
        assertEquals(Optional.of(CanonicalEntity.ORDER), catalog.entityForTopic("ticketing.order.v1"));
        assertEquals(Optional.of(CanonicalEntity.TICKET_SALE), catalog.entityForTopic("ticketing.ticket-sale.v1"));
        assertEquals(Optional.of(CanonicalEntity.CUSTOMER_CHANGE),
                catalog.entityForTopic("ticketing.customer-change.v1"));
        assertEquals(Optional.empty(), catalog.entityForTopic(CanonicalTopics.STREAMS_DLQ));
        assertEquals(Optional.empty(), catalog.entityForTopic("sqlserver.ticketing.dbo.orders"));
    }

    @Test
    void versionsMustBeContiguousFromOne() {
        PublishedSchema v1 = catalog.latest(CanonicalEntity.CUSTOMER);
        PublishedSchema v3 = PublishedSchema.of(CanonicalEntity.CUSTOMER, 3, v1.schema());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaCatalog.of(List.of(v1, v3)));
        assertTrue(e.getMessage().startsWith("published versions of Customer must be v1..vN without gaps"), e.getMessage());
    }

    @Test
    void aPublishedFileMustDefineItsEntity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishedSchema.of(CanonicalEntity.CUSTOMER, 1, catalog.latest(CanonicalEntity.ORDER).schema()));
        assertEquals("published Customer v1 defines io.ticketstream.schemas.Order, expected io.ticketstream.schemas.Customer",
                e.getMessage());
    }
}
