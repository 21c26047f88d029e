package io.ticketstream.schemas.catalog;

/** Names of the canonical topics (one per {@link CanonicalEntity}) and of the streams app's dead-letter topic. */
public final class CanonicalTopics {

    public static final String CUSTOMER = "ticketing.customer.v1";
    public static final String PERFORMANCE = "ticketing.performance.v1";
    public static final String ORDER = "ticketing.order.v1";
    public static final String TICKET_SALE = "ticketing.ticket-sale.v1";
    public static final String CUSTOMER_CHANGE = "ticketing.customer-change.v1";
    /** Dead-letter topic of the streams app; its records are not canonical Avro. */
    public static final String STREAMS_DLQ = "ticketing.streams.dlq";

    private CanonicalTopics() {
    }
}
