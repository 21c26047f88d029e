package io.ticketstream.it.ordering.world;

import java.util.List;
import java.util.function.Function;

import io.ticketstream.standin.cdc.RawEvent;

/**
 * One planned row change: which database commits it, when, in which of its transactions, and how to build its
 * Debezium events once every change is known (events are built in commit order, so LSNs and transaction positions
 * grow as the real connectors' do).
 *
 * @param label names a change other parts refer to (e.g. {@code paid:1005}), or null
 */
record Step(SourceDb db, long commitTs, long txId, String label, Function<SourceEnvelopes, List<RawEvent>> render) {
}
