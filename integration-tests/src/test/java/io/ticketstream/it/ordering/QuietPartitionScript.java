package io.ticketstream.it.ordering;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.world.QuietTail;
import io.ticketstream.it.ordering.world.WorldShape;
import io.ticketstream.schemas.catalog.CanonicalTopics;

/**
 * Live writing; after the quiet tail (the last sales of one order partition, one for a customer never seen; nothing
 * more on that partition nor on the customers topic) the other partitions keep going for grace + tolerance + 1 s. Notes
 * when the tail's facts were published, measured from the tail's last PAID commit.
 */
final class QuietPartitionScript implements ScenarioScript {

    @Override
    public Differences play(ScenarioRun run) throws Exception {
        run.startApp("app-1");
        run.awaitMembers(1);
        long continuation = run.spec().partitions() > 1 ? run.settings().graceMs() + run.settings().toleranceMs() + 1_000 : 0;
        run.generateLive(WorldShape.live(run.settings().graceMs(), 3_000, continuation));
        QuietTail tail = run.world().quietTail();
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        Runnable watch = () -> seen(run, firstSeen, tail.ghostOrderId(), tail.knownOrderId());
        try (RawWriter writer = run.writer()) {
            CompletableFuture<RawWriter.LiveStats> writing = run.writeInBackground(writer);
            run.waitFor(() -> {
                watch.run();
                return writing.isDone();
            }, Duration.ofMinutes(2), "the live write");
            run.checkPremise(writing.get());
        }
        run.phase("world written live");
        Differences differences = run.awaitOutcome(watch);
        run.note("quiet tail on orders partition " + tail.ordersPartition() + ", customers partition " + tail.customersPartition()
                + "; the other partitions written until " + (run.world().lastEmittedAt() - tail.lastPaidAt()) + " ms after its last sale");
        firstSeen.forEach((saleId, at) -> run.note((saleId.startsWith(tail.ghostOrderId() + "-") ? "the never-seen customer's "
                : "the known customer's ") + saleId + " published " + (at - tail.lastPaidAt()) + " ms after the quiet tail's last PAID commit"));
        return differences;
    }

    /** Records the first time a SALE of each order is seen on the TicketSale topic. */
    private static void seen(ScenarioRun run, Map<String, Long> firstSeen, long... orderIds) {
        run.outputs().poll();
        long now = System.currentTimeMillis();
        for (long orderId : orderIds) {
            String saleId = orderId + "-SALE";
            if (!firstSeen.containsKey(saleId) && run.outputs().records(CanonicalTopics.TICKET_SALE).stream()
                    .anyMatch(o -> Long.toString(orderId).equals(o.key()))) {
                firstSeen.put(saleId, now);
            }
        }
    }
}
