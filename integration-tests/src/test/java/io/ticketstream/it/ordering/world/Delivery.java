package io.ticketstream.it.ordering.world;

import io.ticketstream.standin.cdc.RawEvent;

/**
 * One record a Debezium connector writes to a raw topic.
 *
 * @param event     topic, key and value exactly as written (a null value is a tombstone)
 * @param commitTs  commit time in the source database ({@code source.ts_ms}; a marker's commit)
 * @param emittedAt when the connector writes it: the commit time, later for a replay or for a SQL Server END marker
 * @param kind      why it is written
 */
public record Delivery(RawEvent event, long commitTs, long emittedAt, Kind kind) {

    public enum Kind {
        /** The first delivery of a change event (or its tombstone). */
        ORIGINAL,
        /** At-least-once: the same envelope again, right after the original. */
        REDELIVERY,
        /** At-least-once: the same envelope again much later (the connector restarted from an older offset). */
        REPLAY,
        /** A BEGIN/END marker on {@code <prefix>.transaction} ({@code provide.transaction.metadata=true}). */
        TRANSACTION_MARKER
    }

    public String topic() {
        return event.topic();
    }

    public Delivery again(Kind kind, long emittedAt) {
        return new Delivery(event, commitTs, emittedAt, kind);
    }
}
