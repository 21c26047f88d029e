package io.ticketstream.it.ordering.world;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SQL Server check-outs: an order created PENDING with its tickets, a payment AUTHORISED then CAPTURED, the order
 * PAID; variants cancelled or refunded before or after payment, tickets voided before or after the PAID commit, and
 * tickets and the capture committed in the PAID row's own transaction. Each order's changes are planned in commit
 * order; orders, tickets and payments are all keyed {@code {"order_id":N}} (tickets and payments through
 * Debezium's {@code message.key.columns}, as the contract's input layout says).
 */
final class CheckoutScript {

    enum Kind {
        /** Paid, nothing after. */
        PAID,
        /** Paid, then refunded (order and payment REFUNDED in one transaction). */
        PAID_THEN_REFUNDED,
        /** Paid, then cancelled. */
        PAID_THEN_CANCELLED,
        /** Cancelled before any payment; some are deleted afterwards. */
        CANCELLED_UNPAID,
        /** Marked REFUNDED without ever being PAID: no fact. */
        REFUNDED_UNPAID,
        /** Never leaves PENDING. */
        PENDING_FOREVER;

        boolean paid() {
            return this == PAID || this == PAID_THEN_REFUNDED || this == PAID_THEN_CANCELLED;
        }
    }

    /** When an order's PAID row commits, decided before the order is planned (late dimensions are placed by it). */
    record Timing(long createdAt, long paidAt) {
    }

    /** What was planned for one order (labels {@code paid:<id>} and {@code reversal:<id>} name its key changes). */
    record PlannedOrder(long id, Kind kind, String customerRef, long performanceId, long paidAt, long reversedAt) {
    }

    private static final String[] PRICES = {"25.00", "39.50", "45.00", "60.00", "85.25"};
    private static final String[] CHANNELS = {"WEB", "APP", "BOX_OFFICE"};
    private static final String[] PRICE_TYPES = {"ADULT", "CHILD", "CONCESSION"};

    private final SplittableRandom random;
    private final Timeline timeline;
    private long nextTicketId = 50_001;
    private long nextPaymentId = 70_001;

    CheckoutScript(SplittableRandom random, Timeline timeline) {
        this.random = random;
        this.timeline = timeline;
    }

    Timing timing(long createdAt) {
        return new Timing(createdAt, createdAt + 200 + random.nextLong(300));
    }

    /**
     * Plans one order's changes from {@code timing.createdAt()}. A {@code quiet} order has nothing after its PAID
     * transaction (it ends a partition's traffic).
     */
    PlannedOrder plan(long orderId, Kind kind, Timing timing, String customerRef, long performanceId, boolean quiet) {
        return new OrderPlan(orderId, kind, timing, customerRef, performanceId, quiet).plan();
    }

    /** The changes of one order, planned in commit order with the rows' current states. */
    private final class OrderPlan {
        final long orderId;
        final Kind kind;
        final Timing timing;
        final boolean quiet;
        final Map<String, Object> order;
        final Map<Long, Map<String, Object>> tickets = new LinkedHashMap<>();
        final Map<Long, Map<String, Object>> payments = new LinkedHashMap<>();

        OrderPlan(long orderId, Kind kind, Timing timing, String customerRef, long performanceId, boolean quiet) {
            this.orderId = orderId;
            this.kind = kind;
            this.timing = timing;
            this.quiet = quiet;
            order = CatalogueScript.row("order_id", orderId, "customer_ref", customerRef, "performance_id", performanceId,
                    "status", "PENDING", "channel", CHANNELS[random.nextInt(CHANNELS.length)],
                    "currency", random.nextInt(4) == 0 ? "EUR" : "GBP", "total_amount", "0.00",
                    "created_at", timing.createdAt(), "updated_at", timing.createdAt());
        }

        PlannedOrder plan() {
            long createdAt = timing.createdAt();
            long paidAt = timing.paidAt();
            int ticketCount = 1 + random.nextInt(4);
            List<Map<String, Object>> newTickets = new ArrayList<>();
            for (int i = 0; i < ticketCount; i++) {
                newTickets.add(CatalogueScript.row("ticket_id", nextTicketId++, "order_id", orderId,
                        "performance_id", order.get("performance_id"), "section", random.nextBoolean() ? "STALLS" : "CIRCLE",
                        "row_label", String.valueOf((char) ('A' + random.nextInt(12))), "seat_number", 1 + random.nextInt(40),
                        "price_type", PRICE_TYPES[random.nextInt(PRICE_TYPES.length)], "price", PRICES[random.nextInt(PRICES.length)],
                        "status", "ISSUED"));
            }
            // Where the tickets commit: all with the order, each on its own, or the later ones only in the PAID
            // transaction (same commit time as the PAID row).
            int placement = kind.paid() ? random.nextInt(3) : 0;
            int early = placement == 2 ? newTickets.size() / 2 : newTickets.size();
            List<Map<String, Object>> inPaidTransaction = newTickets.subList(early, newTickets.size());

            long tx = timeline.newTransaction();
            order.put("total_amount", total(newTickets));
            insert("orders", order, createdAt, tx, null);
            for (int i = 0; i < early; i++) {
                Map<String, Object> ticket = newTickets.get(i);
                if (placement == 1) {
                    insert("tickets", ticket, createdAt + 10 + 7L * i, timeline.newTransaction(), null);
                } else {
                    insert("tickets", ticket, createdAt, tx, null);
                }
                tickets.put((Long) ticket.get("ticket_id"), ticket);
            }
            if (!kind.paid()) {
                return planUnpaid(createdAt);
            }
            if (early > 1 && random.nextInt(8) == 0) {
                voidTicket(tickets.keySet().iterator().next(), createdAt + 80, timeline.newTransaction());
            }
            long paymentId;
            if (random.nextInt(10) == 0) {
                insert("payments", payment(nextPaymentId++, "DECLINED", createdAt + 100), createdAt + 100, timeline.newTransaction(), null);
                paymentId = nextPaymentId++;
                insert("payments", payment(paymentId, "AUTHORISED", createdAt + 130), createdAt + 130, timeline.newTransaction(), null);
            } else {
                paymentId = nextPaymentId++;
                insert("payments", payment(paymentId, "AUTHORISED", createdAt + 100), createdAt + 100, timeline.newTransaction(), null);
            }
            boolean captureWithPaid = random.nextBoolean();
            if (!captureWithPaid) {
                updatePayment(paymentId, "CAPTURED", paidAt - 20, timeline.newTransaction());
            }
            long paidTx = timeline.newTransaction();
            for (Map<String, Object> ticket : inPaidTransaction) {
                insert("tickets", ticket, paidAt, paidTx, null);
                tickets.put((Long) ticket.get("ticket_id"), ticket);
            }
            if (captureWithPaid) {
                updatePayment(paymentId, "CAPTURED", paidAt, paidTx);
            }
            Map<String, Object> before = PlannedRow.copy(order);
            order.put("status", "PAID");
            order.put("total_amount", total(issuedTickets()));
            order.put("updated_at", paidAt);
            update("orders", before, order, paidAt, paidTx, "paid:" + orderId);
            if (quiet) {
                return new PlannedOrder(orderId, kind, (String) order.get("customer_ref"), (Long) order.get("performance_id"), paidAt, -1);
            }
            List<Long> issued = issuedTickets().stream().map(t -> (Long) t.get("ticket_id")).toList();
            if (!issued.isEmpty() && random.nextInt(10) == 0) {
                voidTicket(issued.get(0), paidAt + 50 + random.nextLong(250), timeline.newTransaction());
            }
            long reversedAt = -1;
            if (kind != Kind.PAID) {
                reversedAt = paidAt + 400 + random.nextLong(1500);
                long reversalTx = timeline.newTransaction();
                String status = kind == Kind.PAID_THEN_REFUNDED ? "REFUNDED" : "CANCELLED";
                if (kind == Kind.PAID_THEN_CANCELLED || random.nextBoolean()) {
                    for (long ticketId : new ArrayList<>(tickets.keySet())) {
                        if ("ISSUED".equals(tickets.get(ticketId).get("status"))) {
                            voidTicket(ticketId, reversedAt, reversalTx);
                        }
                    }
                }
                if (kind == Kind.PAID_THEN_REFUNDED) {
                    updatePayment(paymentId, "REFUNDED", reversedAt, reversalTx);
                }
                Map<String, Object> paid = PlannedRow.copy(order);
                order.put("status", status);
                order.put("updated_at", reversedAt);
                update("orders", paid, order, reversedAt, reversalTx, "reversal:" + orderId);
            }
            return new PlannedOrder(orderId, kind, (String) order.get("customer_ref"), (Long) order.get("performance_id"), paidAt, reversedAt);
        }

        private PlannedOrder planUnpaid(long createdAt) {
            if (kind == Kind.PENDING_FOREVER) {
                return new PlannedOrder(orderId, kind, (String) order.get("customer_ref"), (Long) order.get("performance_id"), -1, -1);
            }
            if (kind == Kind.CANCELLED_UNPAID && random.nextBoolean()) {
                insert("payments", payment(nextPaymentId++, "DECLINED", createdAt + 100), createdAt + 100, timeline.newTransaction(), null);
            }
            long endedAt = createdAt + 200 + random.nextLong(300);
            long tx = timeline.newTransaction();
            if (kind == Kind.CANCELLED_UNPAID) {
                for (long ticketId : new ArrayList<>(tickets.keySet())) {
                    voidTicket(ticketId, endedAt, tx);
                }
            }
            Map<String, Object> before = PlannedRow.copy(order);
            order.put("status", kind == Kind.CANCELLED_UNPAID ? "CANCELLED" : "REFUNDED");
            order.put("updated_at", endedAt);
            update("orders", before, order, endedAt, tx, null);
            if (kind == Kind.CANCELLED_UNPAID && random.nextInt(3) == 0) {
                long deletedAt = endedAt + 100 + random.nextLong(400);
                Map<String, Object> deleted = PlannedRow.copy(order);
                timeline.single(SourceDb.SQLSERVER, deletedAt, null,
                        envelopes -> envelopes.sqlServer.delete("orders", deleted, deletedAt));
            }
            return new PlannedOrder(orderId, kind, (String) order.get("customer_ref"), (Long) order.get("performance_id"), -1, -1);
        }

        private Map<String, Object> payment(long paymentId, String status, long processedAt) {
            Map<String, Object> payment = CatalogueScript.row("payment_id", paymentId, "order_id", orderId,
                    "amount", order.get("total_amount"), "method", random.nextBoolean() ? "CARD" : "PAYPAL",
                    "status", status, "processed_at", processedAt);
            payments.put(paymentId, payment);
            return payment;
        }

        private void updatePayment(long paymentId, String status, long commitTs, long tx) {
            Map<String, Object> before = PlannedRow.copy(payments.get(paymentId));
            Map<String, Object> after = payments.get(paymentId);
            after.put("status", status);
            if ("CAPTURED".equals(status)) {
                after.put("amount", total(issuedTickets()));
            }
            after.put("processed_at", commitTs);
            update("payments", before, after, commitTs, tx, null);
        }

        private void voidTicket(long ticketId, long commitTs, long tx) {
            Map<String, Object> ticket = tickets.get(ticketId);
            Map<String, Object> before = PlannedRow.copy(ticket);
            ticket.put("status", "VOID");
            update("tickets", before, ticket, commitTs, tx, null);
        }

        private List<Map<String, Object>> issuedTickets() {
            return tickets.values().stream().filter(t -> "ISSUED".equals(t.get("status"))).toList();
        }

        private void insert(String table, Map<String, Object> row, long commitTs, long tx, String label) {
            Map<String, Object> after = PlannedRow.copy(row);
            timeline.add(SourceDb.SQLSERVER, commitTs, tx, label,
                    envelopes -> List.of(envelopes.sqlServer.create(table, after, commitTs)));
        }

        private void update(String table, Map<String, Object> before, Map<String, Object> row, long commitTs, long tx, String label) {
            Map<String, Object> after = PlannedRow.copy(row);
            timeline.add(SourceDb.SQLSERVER, commitTs, tx, label,
                    envelopes -> List.of(envelopes.sqlServer.update(table, before, after, commitTs)));
        }
    }

    private static String total(List<Map<String, Object>> tickets) {
        return tickets.stream().map(t -> new BigDecimal((String) t.get("price"))).reduce(new BigDecimal("0.00"), BigDecimal::add)
                .toPlainString();
    }
}
