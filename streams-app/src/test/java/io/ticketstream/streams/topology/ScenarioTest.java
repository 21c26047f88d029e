package io.ticketstream.streams.topology;

import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole topology on the mixed scenario: facts add up, nothing is dead-lettered. */
class ScenarioTest {

    @Test
    void theMixedScenarioYieldsOneSalePerPaidOrderAndOneReversalPerRefund() {
        try (TopologyHarness topology = new TopologyHarness(Duration.ofSeconds(30))) {
            Scenario.phases().forEach(phase -> topology.pipe(phase.toArray(RawCdc.Event[]::new)));
            topology.settle();

            List<KeyValue<String, TicketSale>> sales = topology.sales();
            long paid = java.util.stream.IntStream.rangeClosed(1, Scenario.ORDERS).filter(o -> o % 10 != 0).count();
            long refunded = java.util.stream.IntStream.rangeClosed(1, Scenario.ORDERS).filter(o -> o % 10 != 0 && o % 5 == 0).count();
            assertEquals(paid, sales.stream().filter(s -> s.value.getType() == SaleType.SALE).count());
            assertEquals(refunded, sales.stream().filter(s -> s.value.getType() == SaleType.REVERSAL).count());
            assertEquals(sales.size(), sales.stream().map(s -> s.value.getSaleId()).distinct().count(), "no duplicates");
            assertTrue(sales.stream().allMatch(s -> s.value.getCustomerKnown() && s.value.getPerformanceKnown()));
            assertEquals(List.of(), topology.dlq());
            // The venue rename of phase three reaches only the SALEs committed after it.
            assertTrue(sales.stream().filter(s -> s.value.getType() == SaleType.SALE
                            && s.value.getPerformance().getVenueId() == 11)
                    .allMatch(s -> s.value.getPerformance().getVenueName().endsWith("(renamed)")
                            == (s.value.getOccurredAt().toEpochMilli() > Scenario.DIMENSION_CHANGES_AT)));
        }
    }
}
