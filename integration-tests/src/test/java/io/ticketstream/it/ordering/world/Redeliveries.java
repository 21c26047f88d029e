package io.ticketstream.it.ordering.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Debezium is at-least-once: an envelope may be written again right after itself (a retried send), or much later
 * when a connector restarts from an older offset. The second kind is modelled where it hurts most: a PAID row
 * written again after the order's refund or cancellation.
 */
final class Redeliveries {

    /** A replayed PAID row is written at most this long after its order's reversal. */
    static final long REPLAY_DELAY_MS = 205;

    private Redeliveries() {
    }

    /**
     * @param replayed orders whose PAID row is replayed after their reversal (both labelled in {@code labelled})
     * @return all deliveries, in emission order
     */
    static List<Delivery> add(List<Delivery> deliveries, Map<String, Delivery> labelled, List<Long> replayed,
                              double duplicateRate, SplittableRandom random) {
        List<Delivery> out = new ArrayList<>(deliveries.size() * 11 / 10);
        for (Delivery delivery : deliveries) {
            out.add(delivery);
            if (delivery.kind() == Delivery.Kind.ORIGINAL && random.nextDouble() < duplicateRate) {
                out.add(delivery.again(Delivery.Kind.REDELIVERY, delivery.emittedAt()));
            }
        }
        for (long orderId : replayed) {
            Delivery paid = labelled.get("paid:" + orderId);
            Delivery reversal = labelled.get("reversal:" + orderId);
            out.add(paid.again(Delivery.Kind.REPLAY, reversal.emittedAt() + 5 + random.nextLong(REPLAY_DELAY_MS - 5)));
        }
        // stable: a redelivery stays right after its original, a replay after everything emitted before it
        out.sort(Comparator.comparingLong(Delivery::emittedAt));
        return out;
    }
}
