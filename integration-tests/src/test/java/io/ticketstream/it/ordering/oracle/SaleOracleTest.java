package io.ticketstream.it.ordering.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;

/** The fact oracle on hand-written worlds whose answers are obvious (contract: issue 10, "Oracle"). */
class SaleOracleTest {

    @Test
    void aSaleCountsTheIssuedTicketsCommittedUpToAndWithThePaidRow() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "135.00")
                .ticket(11, 1, 7, "ISSUED")
                .ticket(12, 2, 7, "ISSUED")
                .ticket(13, 2, 7, "VOID");
        world.transaction(20, () -> world.ticket(20, 3, 7, "ISSUED").order(20, 7, "C-1", 100, "PAID", "90.00"));
        world.ticket(21, 4, 7, "ISSUED").ticket(22, 1, 7, "VOID");

        TicketSale sale = only(world.expected().facts());

        assertEquals("7-SALE", sale.getSaleId());
        assertEquals(SaleType.SALE, sale.getType());
        assertEquals(Instant.ofEpochMilli(20), sale.getOccurredAt());
        // ticket 1 (voided only after), ticket 3 (same transaction); not 2 (voided before), not 4 (after)
        assertEquals(2, sale.getTicketCount());
        assertEquals(new BigDecimal("90.00"), sale.getGrossAmount());
    }

    @Test
    void aReversalCarriesTheSalesFiguresAtItsOwnTime() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "90.00")
                .ticket(10, 1, 7, "ISSUED").ticket(10, 2, 7, "ISSUED")
                .order(20, 7, "C-1", 100, "PAID", "90.00");
        world.transaction(30, () -> world.ticket(30, 1, 7, "VOID").ticket(30, 2, 7, "VOID").order(30, 7, "C-1", 100, "REFUNDED", "90.00"));

        List<TicketSale> facts = world.expected().facts();

        assertEquals(2, facts.size());
        TicketSale reversal = facts.get(1);
        assertEquals("7-REVERSAL", reversal.getSaleId());
        assertEquals(Instant.ofEpochMilli(30), reversal.getOccurredAt());
        assertEquals(2, reversal.getTicketCount());
        assertEquals(new BigDecimal("90.00"), reversal.getGrossAmount());
    }

    @Test
    void redeliveriesAndAReplayedPaidRowAfterTheRefundAddNoFact() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "45.00").ticket(10, 1, 7, "ISSUED")
                .order(20, 7, "C-1", 100, "PAID", "45.00").again(1)
                .order(30, 7, "C-1", 100, "REFUNDED", "45.00").again(1)
                .again(3); // the PAID row once more, after the refund

        List<TicketSale> facts = world.expected().facts();

        assertEquals(List.of("7-SALE", "7-REVERSAL"), facts.stream().map(TicketSale::getSaleId).toList());
        assertEquals(Instant.ofEpochMilli(20), facts.get(0).getOccurredAt());
        assertEquals(Instant.ofEpochMilli(30), facts.get(1).getOccurredAt());
    }

    @Test
    void ordersNeverPaidHaveNoFact() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "45.00").order(20, 7, "C-1", 100, "CANCELLED", "45.00")
                .order(10, 8, "C-1", 100, "PENDING", "45.00").order(20, 8, "C-1", 100, "REFUNDED", "45.00")
                .order(10, 9, "C-1", 100, "PENDING", "45.00");

        assertTrue(world.expected().facts().isEmpty());
    }

    @Test
    void theCustomerIsTheVersionCommittedAtOrBeforeEachFact() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "45.00")
                .customer(19, "C-1", "before-sale@example.org", "Leeds")
                .order(20, 7, "C-1", 100, "PAID", "45.00")
                .customer(21, "C-1", "after-sale@example.org", "York")
                .order(30, 7, "C-1", 100, "REFUNDED", "45.00")
                .customer(31, "C-1", "after-refund@example.org", "Bath");

        List<TicketSale> facts = world.expected().facts();

        assertEquals("before-sale@example.org", facts.get(0).getCustomer().getEmail());
        assertEquals("Leeds", facts.get(0).getCustomer().getCity());
        assertEquals("after-sale@example.org", facts.get(1).getCustomer().getEmail());
    }

    @Test
    void aCustomerCommittedWithinGraceAfterTheSaleIsUsedOneLaterIsNot() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-LATE", 100, "PENDING", "45.00").order(20, 7, "C-LATE", 100, "PAID", "45.00")
                .customer(20 + HandWrittenWorld.GRACE, "C-LATE", "late@example.org", "Leeds")
                .order(10, 8, "C-LATER", 100, "PENDING", "45.00").order(20, 8, "C-LATER", 100, "PAID", "45.00")
                .customer(21 + HandWrittenWorld.GRACE, "C-LATER", "too-late@example.org", "Leeds")
                .order(10, 9, "C-NEVER", 100, "PENDING", "45.00").order(20, 9, "C-NEVER", 100, "PAID", "45.00");

        List<TicketSale> facts = world.expected().facts();

        assertTrue(facts.get(0).getCustomerKnown());
        assertEquals("late@example.org", facts.get(0).getCustomer().getEmail());
        assertFalse(facts.get(1).getCustomerKnown());
        assertNull(facts.get(1).getCustomer());
        assertFalse(facts.get(2).getCustomerKnown());
    }

    @Test
    void whenNoVersionWasInForceTheFirstOneWithinGraceIsUsedNotTheLast() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-LATE", 100, "PENDING", "45.00").order(20, 7, "C-LATE", 100, "PAID", "45.00")
                .customer(300, "C-LATE", "first@example.org", "Leeds")
                .customer(600, "C-LATE", "second@example.org", "York");

        TicketSale sale = only(world.expected().facts());

        assertEquals("first@example.org", sale.getCustomer().getEmail());
    }

    @Test
    void aCustomerDeletedBeforeTheSaleIsUnknown() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .deleteCustomer(5, "C-1")
                .order(10, 7, "C-1", 100, "PENDING", "45.00").order(20, 7, "C-1", 100, "PAID", "45.00");

        TicketSale sale = only(world.expected().facts());

        assertFalse(sale.getCustomerKnown());
        assertNull(sale.getCustomer());
    }

    @Test
    void thePerformanceIsComposedWithItsAttractionAndVenueAsOfTheFact() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "45.00")
                .attraction(19, 1, "Hamilton (revival)")
                .order(20, 7, "C-1", 100, "PAID", "45.00")
                .venue(21, 1, "Renamed Palace");

        TicketSale sale = only(world.expected().facts());

        assertTrue(sale.getPerformanceKnown());
        assertEquals("Hamilton (revival)", sale.getPerformance().getAttractionName());
        assertEquals("Victoria Palace", sale.getPerformance().getVenueName());
        assertEquals(Instant.parse("2027-03-01T19:30:00Z"), sale.getPerformance().getStartsAt());
    }

    @Test
    void aPerformanceCreatedWithinGraceAfterTheSaleIsUsedADeletedOneIsNot() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 200, "PENDING", "45.00").order(20, 7, "C-1", 200, "PAID", "45.00")
                .performance(500, 200, 1, 1)
                .deletePerformance(5, 100)
                .order(10, 8, "C-1", 100, "PENDING", "45.00").order(20, 8, "C-1", 100, "PAID", "45.00");

        List<TicketSale> facts = world.expected().facts();

        assertTrue(facts.get(0).getPerformanceKnown());
        assertEquals("Victoria Palace", facts.get(0).getPerformance().getVenueName());
        assertFalse(facts.get(1).getPerformanceKnown());
        assertNull(facts.get(1).getPerformance());
    }

    @Test
    void twoDifferentVersionsOfARowAtOneCommitTimeAreRefused() {
        HandWrittenWorld world = HandWrittenWorld.withCatalogueAndCustomer()
                .order(10, 7, "C-1", 100, "PENDING", "45.00").order(10, 7, "C-1", 100, "PAID", "45.00");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, world::expected);
        assertTrue(refused.getMessage().contains("order 7"), refused.getMessage());
    }

    private static TicketSale only(List<TicketSale> facts) {
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        return facts.get(0);
    }
}
