package io.ticketstream.streams.join.progress;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The arithmetic of "complete through", the progress reports and how they travel. */
class ProgressTest {

    private static final long TOLERANCE = 500;
    private static final long IDLE = 250;
    private static final long BACKLOG_IDLE = 10_000;
    private static final CaughtUp CAUGHT_UP = new CaughtUp(IDLE, BACKLOG_IDLE);
    private static final SourcePartition ORDERS = new SourcePartition("orders", 0);
    private static final SourcePartition TICKETS = new SourcePartition("tickets", 0);
    private static final SourcePartition VENUES_0 = new SourcePartition("venues", 0);
    private static final SourcePartition VENUES_1 = new SourcePartition("venues", 1);

    @Test
    void ownPartitionsAreCompleteBelowTheOldestNewestCommit() {
        LocalProgress own = new LocalProgress(Set.of(ORDERS, TICKETS), TOLERANCE, CAUGHT_UP, 0);
        own.processed(ORDERS, 1_000, 0);
        own.processed(TICKETS, 900, 0);
        assertEquals(899, own.horizon(0), "tickets of commit 900 may still follow");

        own.processed(TICKETS, 1_200, 10);
        assertEquals(999, own.horizon(10));
    }

    @Test
    void aNewerRowOfAnyOwnPartitionCountsOnlyOnceTheToleranceHasPassed() {
        LocalProgress own = new LocalProgress(Set.of(ORDERS, TICKETS), TOLERANCE, CAUGHT_UP, 0);
        own.processed(ORDERS, 2_000, 1_000);
        // The tickets partition never had a row; Kafka Streams handed over commit 2 000, so nothing older was
        // waiting in any partition then; rows still on their way are allowed the tolerance.
        assertEquals(1_100 - TOLERANCE, own.horizon(1_100));
        own.processed(ORDERS, 2_100, 2_600);
        assertEquals(2_099, own.horizon(2_600 + IDLE - 1), "never beyond the newest row processed while busy");
    }

    @Test
    void anIdleTaskIsCaughtUpThroughNowMinusTheTolerance() {
        LocalProgress own = new LocalProgress(Set.of(ORDERS, TICKETS), TOLERANCE, CAUGHT_UP, 0);
        own.processed(ORDERS, 100, 1_000);
        assertEquals(99, own.horizon(1_000 + IDLE - 1));
        assertEquals(1_000 + IDLE - TOLERANCE, own.horizon(1_000 + IDLE), "nothing to process: caught up");
    }

    @Test
    void aTaskOnABacklogOrThatNeverHadARowIsCaughtUpOnlyAfterTheLongerQuiet() {
        long now = 1_000_000_000L;
        long daysAgo = now - 13 * 24 * 3_600_000L;
        ProgressEmitter backlog = new ProgressEmitter(Set.of(VENUES_0), CAUGHT_UP, now);
        backlog.processed(VENUES_0, daysAgo, now);
        assertEquals(false, backlog.report(now + IDLE).partitions().get(0).idle(),
                "a pause between two fetches of a 13-day-old backlog is not the end of it");
        assertEquals(true, backlog.report(now + BACKLOG_IDLE).partitions().get(0).idle());

        ProgressEmitter starting = new ProgressEmitter(Set.of(VENUES_0), CAUGHT_UP, now);
        assertEquals(false, starting.report(now + IDLE).partitions().get(0).idle(), "a task that has not fetched yet");
        assertEquals(true, starting.report(now + BACKLOG_IDLE).partitions().get(0).idle());

        LocalProgress own = new LocalProgress(Set.of(ORDERS), TOLERANCE, CAUGHT_UP, now);
        own.processed(ORDERS, daysAgo, now);
        assertEquals(daysAgo - 1, own.horizon(now + IDLE), "only the rows it processed");
        assertEquals(now + BACKLOG_IDLE - TOLERANCE, own.horizon(now + BACKLOG_IDLE));
    }

    @Test
    void remoteProgressWaitsForEveryExpectedSourceAndOnlyMovesForward() {
        RemoteProgress remote = new RemoteProgress(Set.of(VENUES_0, VENUES_1), TOLERANCE);
        remote.onWatermark(new Watermark(10_000, List.of(new PartitionProgress(VENUES_0, 5_000, false))));
        assertEquals(Horizon.NONE, remote.horizon(), "venues-1 has not reported");

        remote.onWatermark(new Watermark(10_000, List.of(new PartitionProgress(VENUES_1, 3_000, false))));
        assertEquals(2_999, remote.horizon());

        remote.onWatermark(new Watermark(20_000, List.of(new PartitionProgress(VENUES_1, 3_000, true))));
        assertEquals(4_999, remote.horizon(), "venues-1 caught up at 20 000: venues-0's own progress limits now");

        remote.onWatermark(new Watermark(9_000, List.of(new PartitionProgress(VENUES_0, 4_000, false))));
        assertEquals(4_999, remote.horizon(), "a late, older report changes nothing");

        remote.onWatermark(new Watermark(30_000, List.of(new PartitionProgress(VENUES_0, 5_000, true))));
        assertEquals(20_000 - TOLERANCE, remote.horizon());
    }

    @Test
    void aSourceNobodyExpectedCountsOnceItReports() {
        RemoteProgress remote = new RemoteProgress(Set.of(VENUES_0), TOLERANCE);
        remote.onWatermark(new Watermark(10_000, List.of(new PartitionProgress(VENUES_0, 5_000, false),
                new PartitionProgress(new SourcePartition("venues", 7), 100, false))));
        assertEquals(99, remote.horizon());
    }

    @Test
    void anEmitterReportsIdleOnlyWhenTheWholeTaskHadNothingToDo() {
        ProgressEmitter emitter = new ProgressEmitter(new LinkedHashSet<>(List.of(VENUES_0, new SourcePartition("attractions", 0))), CAUGHT_UP, 0);
        emitter.processed(VENUES_0, 700, 100);
        Watermark busy = emitter.report(100 + IDLE - 1);
        assertEquals(List.of(700L, Horizon.NONE), busy.partitions().stream().map(PartitionProgress::progress).toList());
        assertEquals(List.of(false, false), busy.partitions().stream().map(PartitionProgress::idle).toList());
        assertEquals(List.of(true, true), emitter.report(100 + IDLE).partitions().stream().map(PartitionProgress::idle).toList());
    }

    @Test
    void progressedRecordsRoundTrip() {
        ProgressedSerde<String> serde = new ProgressedSerde<>(Serdes.String());
        Progressed<String> data = Progressed.data("a row");
        Progressed<String> watermark = Progressed.watermark(new Watermark(42, List.of(
                new PartitionProgress(VENUES_1, Horizon.NONE, true), new PartitionProgress(ORDERS, 7, false))));
        for (Progressed<String> value : List.of(data, watermark)) {
            assertEquals(value, serde.deserializer().deserialize("t", serde.serializer().serialize("t", value)));
        }
    }

    @Test
    void watermarksGoToEveryPartitionAndDataWhereKafkasDefaultPartitionerPutsItsKey() {
        Progressed<String> watermark = Progressed.watermark(new Watermark(1, List.of()));
        assertEquals(Optional.of(Set.of(0, 1, 2, 3, 4)),
                ProgressPartitioners.<String>byKeyWatermarksToAll().partitions("t", "wm", watermark, 5));
        for (String key : List.of("C-1", "C-000123", "customer with spaces")) {
            int expected = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 7);
            assertEquals(Optional.of(Set.of(expected)),
                    ProgressPartitioners.<String>byKeyWatermarksToAll().partitions("t", key, Progressed.data("x"), 7), key);
        }
        assertEquals(Optional.of(Set.of(0, 1, 2)),
                ProgressPartitioners.<String>broadcastAll().partitions("t", "k", Progressed.data("x"), 3));
    }
}
