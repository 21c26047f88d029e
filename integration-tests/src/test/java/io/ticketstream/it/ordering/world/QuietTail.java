package io.ticketstream.it.ordering.world;

/**
 * The last sales of one order partition: after them, that partition of orders/tickets/payments and the customer
 * partition of {@code knownCustomerRef}'s document receive nothing more (the customers topic as a whole receives
 * nothing after {@code startedAt}). The facts must still come out, the ghost's with {@code customer_known=false}.
 */
public record QuietTail(int ordersPartition, int customersPartition, long ghostOrderId, String ghostCustomerRef,
                        long knownOrderId, String knownCustomerRef, long startedAt, long lastPaidAt) {
}
