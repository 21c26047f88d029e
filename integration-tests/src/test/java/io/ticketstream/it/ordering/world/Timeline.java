package io.ticketstream.it.ordering.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.ticketstream.standin.cdc.RawEvent;

/** Collects the planned changes of all three databases, in any order; ids their transactions. */
final class Timeline {

    private final List<Step> steps = new ArrayList<>();
    private long nextTxId = 1;

    /** A new transaction id: the changes added with it commit together. */
    long newTransaction() {
        return nextTxId++;
    }

    void add(SourceDb db, long commitTs, long txId, String label, Function<SourceEnvelopes, List<RawEvent>> render) {
        steps.add(new Step(db, commitTs, txId, label, render));
    }

    /** A change that is its own transaction. */
    void single(SourceDb db, long commitTs, String label, Function<SourceEnvelopes, List<RawEvent>> render) {
        add(db, commitTs, newTransaction(), label, render);
    }

    List<Step> steps() {
        return steps;
    }

    long lastCommit() {
        return steps.stream().mapToLong(Step::commitTs).max().orElse(0);
    }
}
