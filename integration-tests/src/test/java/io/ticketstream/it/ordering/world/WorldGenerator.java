package io.ticketstream.it.ordering.world;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import io.ticketstream.it.ordering.world.CheckoutScript.Kind;
import io.ticketstream.it.ordering.world.CheckoutScript.PlannedOrder;
import io.ticketstream.it.ordering.world.CheckoutScript.Timing;
import io.ticketstream.it.ordering.world.CustomerScript.Customer;

/**
 * Generates a consistent world from a seed, laid out in time from {@code baseTs}:
 * <ol>
 *   <li>the catalogue (attractions, venues, performances), then the customers, all before any check-out;</li>
 *   <li>{@code shape.orders()} check-outs spread over {@code shape.orderSpanMs()}, with customer changes just before
 *       and just after some sales, dimension renames around others, performance status changes, a burst of
 *       performances created, changed and deleted, two customers deleted (one buys again afterwards), a customer
 *       and a performance created only after their first sale (within half the grace), customers that never exist;</li>
 *   <li>a quiet tail: the last sales of one order partition (one for a customer never seen), after which that
 *       partition and the customers topic receive nothing; then, with several partitions, check-outs go on for
 *       {@code shape.continuationMs()} on the other partitions only;</li>
 *   <li>redeliveries: duplicates right after the original, and PAID rows replayed after their reversal.</li>
 * </ol>
 * Deterministic for a seed, a partition count, a shape and a base time.
 */
public final class WorldGenerator {

    private static final long FIRST_ORDER_ID = 1001;
    /** Cases every world holds, on its first orders; the rest are drawn with realistic weights. */
    private static final List<Kind> FIRST_KINDS = List.of(Kind.PAID, Kind.PAID_THEN_REFUNDED, Kind.PAID, Kind.PAID, Kind.PAID,
            Kind.PAID_THEN_REFUNDED, Kind.PAID_THEN_CANCELLED, Kind.CANCELLED_UNPAID, Kind.REFUNDED_UNPAID, Kind.PENDING_FOREVER);

    private final SplittableRandom random;
    private final int partitions;
    private final WorldShape shape;
    private final long baseTs;
    private final Timeline timeline = new Timeline();
    private final CatalogueScript catalogue;
    private final CustomerScript customers;
    private final CheckoutScript checkout;
    private final List<PlannedOrder> orders = new ArrayList<>();
    private final Map<String, Integer> features = new TreeMap<>();
    private long nextOrderId = FIRST_ORDER_ID;

    private WorldGenerator(long seed, int partitions, WorldShape shape, long baseTs) {
        this.random = new SplittableRandom(seed);
        this.partitions = partitions;
        this.shape = shape;
        this.baseTs = baseTs;
        this.catalogue = new CatalogueScript(random.split(), baseTs);
        this.customers = new CustomerScript(random.split(), seed);
        this.checkout = new CheckoutScript(random.split(), timeline);
    }

    public static World generate(long seed, int partitions, WorldShape shape, long baseTs) {
        return new WorldGenerator(seed, partitions, shape, baseTs).generate(seed);
    }

    private World generate(long seed) {
        catalogue.create(baseTs, shape);
        customers.create(baseTs + 400, shape.customers());
        checkOuts(baseTs + 1_500);
        catalogue.emit(timeline);
        customers.emit(timeline);
        // after the last commit AND after any replay of it (Redeliveries replays within REPLAY_DELAY_MS of a reversal)
        QuietTail tail = quietTail(timeline.lastCommit() + Redeliveries.REPLAY_DELAY_MS + 100);
        if (partitions > 1 && shape.continuationMs() > 0) {
            continuation(tail);
        }
        EnvelopeRenderer renderer = new EnvelopeRenderer();
        List<Delivery> rendered = renderer.render(timeline.steps());
        List<Long> replayed = orders.stream().filter(o -> o.reversedAt() > 0 && random.nextBoolean()).map(PlannedOrder::id).toList();
        List<Delivery> deliveries = Redeliveries.add(rendered, renderer.labelled(), replayed, shape.duplicateRate(), random);
        count("redelivered right after", (int) deliveries.stream().filter(d -> d.kind() == Delivery.Kind.REDELIVERY).count());
        count("PAID replayed after its reversal", replayed.size());
        orders.forEach(o -> count("orders " + o.kind(), 1));
        return new World(seed, partitions, baseTs, shape, List.copyOf(deliveries), tail, Map.copyOf(features));
    }

    private void checkOuts(long start) {
        long span = shape.orderSpanMs();
        List<Customer> all = customers.all();
        Customer buysBeforeDelete = all.get(all.size() - 1);
        Customer buysAfterDelete = all.get(all.size() - 2);
        long deletedAfterSale = customers.delete(buysBeforeDelete, start + span / 2);
        long deletedBeforeSale = customers.delete(buysAfterDelete, start + span / 3);
        count("customers deleted", 2);

        for (int i = 0; i < shape.orders(); i++) {
            Kind kind = i < FIRST_KINDS.size() ? FIRST_KINDS.get(i) : drawKind();
            Timing timing = checkout.timing(start + random.nextLong(span));
            String customerRef;
            long performanceId = pick(catalogue.onSale());
            switch (i) {
                case 0 -> {
                    // created, then changed again, both within the grace: the first version is the one to use
                    Customer late = customers.createLate(timing.paidAt() + shape.graceMs() / 2);
                    customers.change(late, timing.paidAt() + shape.graceMs() * 3 / 4, +1);
                    customerRef = late.ref();
                    count("customer created after its first sale, within grace", 1);
                }
                case 1 -> {
                    customerRef = customers.pickLiving(timing.createdAt()).ref();
                    performanceId = CatalogueScript.LATE_PERFORMANCE;
                    catalogue.createLate(timing.paidAt() + shape.graceMs() / 2);
                    catalogue.reschedule(CatalogueScript.LATE_PERFORMANCE, timing.paidAt() + shape.graceMs() * 3 / 4);
                    count("performance created after its first sale, within grace", 1);
                }
                case 2 -> {
                    timing = checkout.timing(deletedAfterSale - 900);
                    customerRef = buysBeforeDelete.ref();
                }
                case 3 -> {
                    timing = checkout.timing(deletedBeforeSale + 100);
                    customerRef = buysAfterDelete.ref();
                    count("sale after its customer was deleted", 1);
                }
                case 4 -> {
                    timing = checkout.timing(orders.get(1).paidAt() + shape.graceMs() / 2 + 50);
                    customerRef = customers.pickLiving(timing.createdAt()).ref();
                    performanceId = CatalogueScript.LATE_PERFORMANCE;
                }
                default -> {
                    if (i % 20 == 9) {
                        customerRef = String.format("C-GHOST-%03d", i);
                        count("sales for a customer that never exists", kind.paid() ? 1 : 0);
                    } else {
                        customerRef = customers.pickLiving(timing.createdAt()).ref();
                    }
                }
            }
            orders.add(checkout.plan(nextOrderId++, kind, timing, customerRef, performanceId, false));
        }
        dimensionChangesAroundSales(start, span);
    }

    private void dimensionChangesAroundSales(long start, long span) {
        List<PlannedOrder> paid = orders.stream().filter(o -> o.paidAt() > 0).toList();
        for (PlannedOrder order : paid) {
            Customer customer = regularCustomer(order.customerRef());
            if (customer == null) {
                continue;
            }
            int dice = random.nextInt(20);
            if (dice < 5) {
                customers.change(customer, order.paidAt() - 1 - random.nextLong(40), -1);
                count("customer changed just before a sale", 1);
            } else if (dice < 8) {
                customers.change(customer, order.paidAt() + 1 + random.nextLong(40), +1);
                count("customer changed just after a sale", 1);
            }
        }
        for (int i = 0; i < shape.customers() / 2; i++) {
            Customer customer = customers.pickLiving(start);
            customers.change(customer, start + random.nextLong(span), +1);
        }
        for (int i = 0; i < 3; i++) {
            PlannedOrder order = paid.get(random.nextInt(paid.size()));
            catalogue.renameDimensionOf(order.performanceId(), order.paidAt() - 1 - random.nextLong(20), -1);
            order = paid.get(random.nextInt(paid.size()));
            catalogue.renameDimensionOf(order.performanceId(), order.paidAt() + 1 + random.nextLong(20), +1);
        }
        count("dimension renames around a sale", 6);
        for (int i = 0; i < 2; i++) {
            catalogue.renameAttraction(start + random.nextLong(span), +1);
            catalogue.renameVenue(start + random.nextLong(span), +1);
        }
        long soldOut = pick(catalogue.onSale());
        long soldOutAt = start + random.nextLong(span / 2);
        catalogue.changeStatus(soldOut, soldOutAt, "SOLD_OUT");
        catalogue.changeStatus(soldOut, soldOutAt + span / 3, "ON_SALE");
        catalogue.changeStatus(pick(catalogue.onSale()), start + random.nextLong(span), "CANCELLED");
        catalogue.burst(start + random.nextLong(span), 5);
        count("performances in a create/change/delete burst", 5);
    }

    /**
     * The last sales of one order partition: one for a customer never seen, one for a known customer. Nothing is
     * written after them to that partition (orders, tickets, payments: same key, same partition number) nor to the
     * customers topic.
     */
    private QuietTail quietTail(long startedAt) {
        int ordersPartition = random.nextInt(partitions);
        Predicate<Long> onQuietPartition = id -> orderPartition(id) == ordersPartition;
        String ghost = "C-QUIET-GHOST";
        Customer known = customers.pickLiving(startedAt);
        long ghostOrder = nextOrderId(onQuietPartition);
        long knownOrder = nextOrderId(onQuietPartition);
        PlannedOrder first = checkout.plan(ghostOrder, Kind.PAID, checkout.timing(startedAt), ghost, pick(catalogue.onSale()), true);
        PlannedOrder second = checkout.plan(knownOrder, Kind.PAID, checkout.timing(startedAt + 50), known.ref(),
                pick(catalogue.onSale()), true);
        orders.add(first);
        orders.add(second);
        count("quiet tail sales", 2);
        return new QuietTail(ordersPartition, RawTopics.partitionOf(RawTopics.CUSTOMERS, new SourceEnvelopes().mongo.key(known.objectId()),
                partitions), ghostOrder, ghost, knownOrder, known.ref(), startedAt, Math.max(first.paidAt(), second.paidAt()));
    }

    /**
     * Check-outs on the other order partitions only, for customers whose customer_ref also hashes elsewhere than the
     * quiet tail's (so no re-keying by customer_ref brings their progress to the quiet customers either).
     */
    private void continuation(QuietTail tail) {
        long from = tail.lastPaidAt() + 100;
        int quietRefs = refPartition(tail.ghostCustomerRef());
        int quietKnownRef = refPartition(tail.knownCustomerRef());
        List<Customer> others = customers.all().stream()
                .filter(c -> refPartition(c.ref()) != quietRefs && refPartition(c.ref()) != quietKnownRef)
                .filter(c -> c.document().createdAt() < from && !c.document().deleted()).toList();
        if (others.isEmpty()) {
            return;
        }
        int count = 0;
        for (long at = from; at < from + shape.continuationMs(); at += 150 + random.nextLong(200)) {
            long id = nextOrderId(o -> orderPartition(o) != tail.ordersPartition());
            Kind kind = random.nextInt(5) == 0 ? Kind.PAID_THEN_REFUNDED : Kind.PAID;
            orders.add(checkout.plan(id, kind, checkout.timing(at), others.get(random.nextInt(others.size())).ref(),
                    pick(catalogue.onSale()), false));
            count++;
        }
        count("sales on other partitions after the quiet tail", count);
    }

    private long nextOrderId(Predicate<Long> wanted) {
        while (!wanted.test(nextOrderId)) {
            nextOrderId++;
        }
        return nextOrderId++;
    }

    private int orderPartition(long orderId) {
        return RawTopics.partitionOf(RawTopics.ORDERS, "{\"order_id\":" + orderId + "}", partitions);
    }

    private int refPartition(String customerRef) {
        return BuiltInPartitioner.partitionForKey(customerRef.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /** A customer created before the check-outs and never deleted, or null (ghost, late or deleted customers). */
    private Customer regularCustomer(String ref) {
        return customers.all().stream()
                .filter(c -> c.ref().equals(ref) && c.document().createdAt() < baseTs + 1_500 && !c.document().deleted())
                .findFirst().orElse(null);
    }

    private Kind drawKind() {
        int dice = random.nextInt(100);
        if (dice < 70) {
            return Kind.PAID;
        } else if (dice < 82) {
            return Kind.PAID_THEN_REFUNDED;
        } else if (dice < 87) {
            return Kind.PAID_THEN_CANCELLED;
        } else if (dice < 95) {
            return Kind.CANCELLED_UNPAID;
        } else if (dice < 97) {
            return Kind.REFUNDED_UNPAID;
        }
        return Kind.PENDING_FOREVER;
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private void count(String feature, int n) {
        features.merge(feature, n, Integer::sum);
    }
}
