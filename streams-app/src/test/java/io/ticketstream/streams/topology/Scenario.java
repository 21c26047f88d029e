package io.ticketstream.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ticketstream.streams.topology.RawCdc.attraction;
import static io.ticketstream.streams.topology.RawCdc.customer;
import static io.ticketstream.streams.topology.RawCdc.customerDelete;
import static io.ticketstream.streams.topology.RawCdc.customerPartial;
import static io.ticketstream.streams.topology.RawCdc.order;
import static io.ticketstream.streams.topology.RawCdc.payment;
import static io.ticketstream.streams.topology.RawCdc.performance;
import static io.ticketstream.streams.topology.RawCdc.ticket;
import static io.ticketstream.streams.topology.RawCdc.venue;

/**
 * A small day of trading across all seven sources, in phases so that its canonical output does not depend
 * on how a multi-partition run interleaves topics: (1) catalogue, customers, orders with their tickets and
 * payments; (2) half the orders paid, refunded, cancelled, redelivered, deleted; (3) a venue rename and
 * customer changes; (4) the other half, then a customer delete. Within a phase, a sale's dimension versions
 * were all delivered in an earlier phase: a dimension version delivered AFTER a sale that already found an
 * older version is not applied to it (see the README), so that race is kept out of this comparison.
 * Every commit time lies within 25 s, below the 30 s sale grace, so no sale waits out its grace. The commit
 * times are fixed (reproducible) and in the past: a fact is complete only once the wall clock is past its commit
 * time plus the arrival-skew tolerance, as in production.
 */
public final class Scenario {

    public static final long T = 1_750_000_000_000L;
    public static final int ORDERS = 40;
    public static final int CUSTOMERS = 12;

    private Scenario() {
    }

    public static String oid(int customer) {
        return String.format("5d2c%020x", customer);
    }

    public static List<RawCdc.Event> phaseOne() {
        List<RawCdc.Event> events = new ArrayList<>();
        for (int a = 1; a <= 3; a++) {
            events.add(attraction("r", T, a, "Show " + a, a % 2 == 0 ? "musical" : "comedy"));
            events.add(venue("r", T, 10 + a, "Venue " + a, a == 3 ? "Leeds" : "London"));
        }
        for (int p = 100; p < 106; p++) {
            events.add(performance("r", T + 100, p, 1 + p % 3, 11 + p % 3, "ON_SALE"));
        }
        for (int c = 1; c <= CUSTOMERS; c++) {
            events.add(customer("r", T + 200 + c, oid(c), "C-" + c, "c" + c + "@example.org", "London", "BRONZE", c));
        }
        long ticketId = 1;
        for (int o = 1; o <= ORDERS; o++) {
            long orderId = 5000 + o;
            long performanceId = 100 + o % 6;
            long committed = T + 1_000 + o * 50L;
            events.add(order("c", committed, orderId, "C-" + (1 + o % CUSTOMERS), performanceId, "PENDING", "60.00"));
            int tickets = 1 + o % 3;
            for (int t = 0; t < tickets; t++) {
                events.add(ticket("c", committed, ticketId++, orderId, performanceId, "20.00", "ISSUED"));
            }
            if (o % 7 == 0) {
                events.add(ticket("u", committed + 10, ticketId - 1, orderId, performanceId, "20.00", "VOID"));
            }
            events.add(payment("c", committed + 5, 9000 + o, orderId, "60.00", "AUTHORISED", committed + 5));
        }
        return events;
    }

    /** Orders 1-20 are paid (commit times before {@link #DIMENSION_CHANGES_AT}), some refunded or cancelled. */
    public static List<RawCdc.Event> phaseTwo() {
        return sales(1, 20, T + 5_000);
    }

    /**
     * Dimension changes committed after every phase-two sale and before every phase-four sale: the earlier
     * sales keep the old versions, the later ones see the new.
     */
    public static List<RawCdc.Event> phaseThree() {
        return List.of(venue("u", DIMENSION_CHANGES_AT, 11, "Venue 1 (renamed)", "London"),
                customer("u", DIMENSION_CHANGES_AT, oid(2), "C-2", "c2@example.org", "Leeds", "SILVER", 2),
                customerPartial(DIMENSION_CHANGES_AT + 1, oid(3), Map.of("loyalty.tier", "GOLD")));
    }

    /** Orders 21-40, then a customer delete committed after all of them. */
    public static List<RawCdc.Event> phaseFour() {
        List<RawCdc.Event> events = new ArrayList<>(sales(21, ORDERS, DIMENSION_CHANGES_AT + 1_000));
        events.add(customerDelete(T + 24_000, oid(12)));
        return events;
    }

    public static final long DIMENSION_CHANGES_AT = T + 9_500;

    /** Phases in order; a multi-partition run must converge on one before the next is produced. */
    public static List<List<RawCdc.Event>> phases() {
        return List.of(phaseOne(), phaseTwo(), phaseThree(), phaseFour());
    }

    private static List<RawCdc.Event> sales(int from, int to, long firstPaidAt) {
        List<RawCdc.Event> events = new ArrayList<>();
        for (int o = from; o <= to; o++) {
            long orderId = 5000 + o;
            long performanceId = 100 + o % 6;
            String customerRef = "C-" + (1 + o % CUSTOMERS);
            long paidAt = firstPaidAt + (o - from) * 200L;
            if (o % 10 == 0) {
                events.add(order("u", paidAt, orderId, customerRef, performanceId, "CANCELLED", "60.00"));
                continue;
            }
            RawCdc.Event paid = order("u", paidAt, orderId, customerRef, performanceId, "PAID", "60.00");
            events.add(payment("u", paidAt - 1, 9000 + o, orderId, "60.00", "CAPTURED", paidAt - 1));
            events.add(paid);
            if (o % 4 == 0) {
                events.add(paid); // redelivered
            }
            if (o % 5 == 0) {
                events.add(order("u", paidAt + 3_000, orderId, customerRef, performanceId, "REFUNDED", "60.00"));
            }
            if (o % 9 == 0) {
                events.add(order("d", paidAt + 4_000, orderId, customerRef, performanceId, "PAID", "60.00"));
            }
        }
        return events;
    }
}
