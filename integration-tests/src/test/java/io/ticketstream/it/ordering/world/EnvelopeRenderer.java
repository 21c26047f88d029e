package io.ticketstream.it.ordering.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ticketstream.standin.cdc.RawEvent;

/**
 * Builds every planned change's Debezium events in commit order, per source transaction, as the connectors emit them
 * with the shipped {@code provide.transaction.metadata=true}: BEGIN, the events, END. PostgreSQL reports its commits,
 * so Aurora's END follows at once; SQL Server's change tables have no commit event, so the connector writes a
 * transaction's END only when it sees the next transaction — the last one's END is never written here.
 */
final class EnvelopeRenderer {

    private final SourceEnvelopes envelopes = new SourceEnvelopes();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Delivery> labelled = new HashMap<>();
    private RawEvent sqlServerEndPending;
    private long sqlServerEndCommitTs;

    /** @return the deliveries in emission order */
    List<Delivery> render(List<Step> steps) {
        List<Step> ordered = new ArrayList<>(steps);
        // stable: within one transaction, changes keep the order they were planned in
        ordered.sort(Comparator.comparingLong(Step::commitTs).thenComparingLong(Step::txId));
        int i = 0;
        while (i < ordered.size()) {
            int end = i;
            while (end < ordered.size() && ordered.get(end).txId() == ordered.get(i).txId()) {
                end++;
            }
            transaction(ordered.subList(i, end));
            i = end;
        }
        return deliveries;
    }

    /** The delivery of each labelled change ({@code paid:<order>}, {@code reversal:<order>}). */
    Map<String, Delivery> labelled() {
        return labelled;
    }

    private void transaction(List<Step> steps) {
        Step first = steps.get(0);
        long commitTs = first.commitTs();
        switch (first.db()) {
            case SQLSERVER -> {
                if (sqlServerEndPending != null) {
                    marker(sqlServerEndPending, sqlServerEndCommitTs, commitTs);
                }
                marker(envelopes.sqlServer.beginTransaction(commitTs), commitTs, commitTs);
                steps.forEach(this::change);
                sqlServerEndPending = envelopes.sqlServer.endTransaction();
                sqlServerEndCommitTs = commitTs;
            }
            case AURORA -> {
                marker(envelopes.aurora.beginTransaction(commitTs), commitTs, commitTs);
                steps.forEach(this::change);
                marker(envelopes.aurora.endTransaction(), commitTs, commitTs);
            }
            case MONGODB -> steps.forEach(this::change);
        }
    }

    private void change(Step step) {
        for (RawEvent event : step.render().apply(envelopes)) {
            Delivery delivery = new Delivery(event, step.commitTs(), step.commitTs(), Delivery.Kind.ORIGINAL);
            deliveries.add(delivery);
            if (step.label() != null && event.value() != null) {
                labelled.put(step.label(), delivery);
            }
        }
    }

    private void marker(RawEvent marker, long commitTs, long emittedAt) {
        deliveries.add(new Delivery(marker, commitTs, emittedAt, Delivery.Kind.TRANSACTION_MARKER));
    }
}
