package io.ticketstream.streams.join;

/** The canonical topics the join stage writes. */
public record JoinTopics(String customer, String customerChange, String performance, String order, String ticketSale) {
}
