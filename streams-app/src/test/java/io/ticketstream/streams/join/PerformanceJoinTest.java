package io.ticketstream.streams.join;

import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.PerformanceStatus;
import io.ticketstream.streams.topology.TopologyHarness;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.ticketstream.streams.topology.RawCdc.attraction;
import static io.ticketstream.streams.topology.RawCdc.performance;
import static io.ticketstream.streams.topology.RawCdc.venue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Aurora catalog rows to Performance: the whole catalogue in one task, newest commit per row wins. */
class PerformanceJoinTest {

    private static final long T = 1_800_000_000_000L;

    private final TopologyHarness topology = new TopologyHarness(Duration.ofSeconds(30));

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void aPerformanceIsPublishedBeforeItsDimensionsAreKnownAndCompletedWhenTheyArrive() {
        topology.pipe(performance("c", T, 100, 1, 10, "ON_SALE")).settle();
        topology.pipe(attraction("c", T + 1, 1, "Hamilton", "musical")).settle();
        topology.pipe(venue("c", T + 2, 10, "Victoria Palace", "London")).settle();

        List<KeyValue<String, Performance>> versions = topology.performances();
        assertEquals(List.of("100 null/null", "100 Hamilton/null", "100 Hamilton/Victoria Palace"), describe(versions));
        Performance complete = versions.get(2).value;
        assertEquals(T + 2, complete.getCommitTs().toEpochMilli(), "commit_ts is the latest of the three rows");
        assertEquals("London", complete.getVenue().getCity());
        assertEquals(2000, complete.getVenue().getCapacity());
    }

    @Test
    void aVenueRenameProducesANewVersionOfEveryPerformanceAtThatVenue() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 1, 100, 1, 10, "ON_SALE"), performance("c", T + 1, 101, 1, 10, "ON_SALE"),
                performance("c", T + 1, 200, 1, 11, "ON_SALE"));
        topology.settle().performances();

        topology.pipe(venue("u", T + 60_000, 10, "The Victoria Palace Theatre", "London")).settle();

        List<KeyValue<String, Performance>> versions = topology.performances();
        assertEquals(List.of("100 Hamilton/The Victoria Palace Theatre", "101 Hamilton/The Victoria Palace Theatre"),
                describe(versions).stream().sorted().toList());
        versions.forEach(v -> assertEquals(T + 60_000, v.value.getCommitTs().toEpochMilli()));
    }

    @Test
    void performanceUpdatesDimensionDeletesAndPerformanceDeletesFlowThrough() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 1, 100, 1, 10, "ON_SALE"));
        topology.settle().performances();

        topology.pipe(performance("u", T + 2, 100, 1, 10, "SOLD_OUT")).settle();
        topology.pipe(attraction("d", T + 3, 1, null, null)).settle();
        topology.pipe(performance("d", T + 4, 100, 1, 10, "SOLD_OUT")).settle();

        List<KeyValue<String, Performance>> versions = topology.performances();
        assertEquals(3, versions.size(), versions::toString);
        assertEquals(PerformanceStatus.SOLD_OUT, versions.get(0).value.getStatus());
        assertNull(versions.get(1).value.getAttraction(), "a deleted attraction is unknown again");
        assertEquals("Victoria Palace", versions.get(1).value.getVenue().getName());
        assertEquals("100", versions.get(2).key);
        assertNull(versions.get(2).value, "a deleted performance is a tombstone");
    }

    @Test
    void aBurstOfCatalogueChangesKeepsEveryVersionOfThePerformanceRowAndEndsWithTheTombstone() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 1, 300, 1, 10, "ON_SALE"), performance("u", T + 2, 300, 1, 10, "SOLD_OUT"),
                attraction("u", T + 3, 1, "Hamilton (revival)", "musical"), performance("d", T + 4, 300, 1, 10, "SOLD_OUT"));
        topology.settle();

        List<KeyValue<String, Performance>> versions = topology.performances();
        assertEquals(List.of("300 Hamilton/Victoria Palace", "300 Hamilton/Victoria Palace"), describe(versions.subList(0, 2)));
        assertNull(versions.get(2).value, "the performance was published, so its delete is a tombstone");
        assertEquals(3, versions.size(), "the attraction's rename re-publishes nothing once the performance is gone");
    }

    @Test
    void aVenueChangedTwiceWithinOneIntervalRepublishesEachOfItsPerformancesOnceWithTheLastValue() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 1, 100, 1, 10, "ON_SALE"), performance("c", T + 1, 101, 1, 10, "ON_SALE"));
        topology.settle().performances();

        topology.pipe(venue("u", T + 60_000, 10, "Palace A", "London"), venue("u", T + 60_001, 10, "Palace B", "London"))
                .settle();

        assertEquals(List.of("100 Hamilton/Palace B", "101 Hamilton/Palace B"),
                describe(topology.performances()).stream().sorted().toList());
    }

    @Test
    void aRowOlderThanTheOneInForceChangesNothingWhateverItsArrivalOrder() {
        topology.pipe(attraction("c", T, 1, "Hamilton", "musical"), venue("c", T, 10, "Victoria Palace", "London"),
                performance("c", T + 1, 100, 1, 10, "ON_SALE"), venue("u", T + 50, 10, "New Palace", "London"));
        topology.settle().performances();

        // The rename's older version replayed after it, then a performance deleted before it was created (out of order).
        topology.pipe(venue("u", T + 20, 10, "Middle Palace", "London"), performance("d", T + 60, 101, 1, 10, "ON_SALE"),
                performance("c", T + 30, 101, 1, 10, "ON_SALE")).settle();

        assertEquals(List.of(), topology.performances(), "a replayed older row neither re-publishes nor resurrects");
    }

    private static List<String> describe(List<KeyValue<String, Performance>> versions) {
        return versions.stream().map(v -> v.key + " "
                + (v.value.getAttraction() == null ? "null" : v.value.getAttraction().getName()) + "/"
                + (v.value.getVenue() == null ? "null" : v.value.getVenue().getName())).toList();
    }
}
