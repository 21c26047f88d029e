package io.ticketstream.it.ordering.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import io.ticketstream.it.ordering.world.RawTopics;
import io.ticketstream.it.ordering.world.World;

/**
 * Arrival skew for a live run: windows during which one raw topic, or one partition of it, is held back; what it
 * emitted in a window is released at the window's end. A window is never longer than the app's tolerance minus a
 * margin, so every record still reaches Kafka within the contract's tolerance of its commit. Per partition the
 * release times never decrease, so the connector's order within a partition is kept.
 */
public final class HoldBacks {

    /** One window; {@code partition} -1 holds back every partition of {@code topic}. */
    public record Window(String topic, int partition, long from, long until) {
        boolean holds(String topic, int partition, long emittedAt) {
            return this.topic.equals(topic) && (this.partition < 0 || this.partition == partition)
                    && emittedAt >= from && emittedAt < until;
        }

        @Override
        public String toString() {
            return topic + (partition < 0 ? "" : "[" + partition + "]") + " held " + (until - from) + " ms";
        }
    }

    private final List<Window> windows;

    public HoldBacks(List<Window> windows) {
        this.windows = List.copyOf(windows);
    }

    public static HoldBacks none() {
        return new HoldBacks(List.of());
    }

    /**
     * {@code count} windows of 500 ms to {@code maxHoldMs} over the world's time, alternately a whole topic and a single
     * partition; every other window on a topic a sale depends on (orders, tickets, payments, customers), the others on
     * any raw topic (the catalogue and the transaction-metadata topics included).
     */
    public static HoldBacks draw(World world, SplittableRandom random, int count, long maxHoldMs) {
        List<String> saleInputs = List.of(RawTopics.ORDERS, RawTopics.TICKETS, RawTopics.PAYMENTS, RawTopics.CUSTOMERS);
        List<String> anyTopic = new ArrayList<>(RawTopics.CHANGE_TOPICS);
        anyTopic.addAll(RawTopics.TRANSACTION_TOPICS);
        long first = world.baseTs() + 300;
        long last = world.lastEmittedAt();
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> topics = i % 2 == 0 ? saleInputs : anyTopic;
            String topic = topics.get(random.nextInt(topics.size()));
            int partitions = RawTopics.partitionCount(topic, world.partitions());
            int partition = i % 4 < 2 || partitions == 1 ? -1 : random.nextInt(partitions);
            long from = first + random.nextLong(Math.max(1, last - first));
            windows.add(new Window(topic, partition, from, from + 500 + random.nextLong(Math.max(1, maxHoldMs - 500))));
        }
        return new HoldBacks(windows);
    }

    /** When a record the connector emitted at {@code emittedAt} reaches Kafka. */
    public long releaseAt(String topic, int partition, long emittedAt) {
        long release = emittedAt;
        for (Window window : windows) {
            if (window.holds(topic, partition, emittedAt)) {
                release = Math.max(release, window.until());
            }
        }
        return release;
    }

    @Override
    public String toString() {
        return windows.isEmpty() ? "no hold-back" : windows.stream().map(Window::toString).collect(Collectors.joining(", "));
    }
}
