package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-keys MongoDB customer documents from their {@code _id} to customer_ref and derives the Braze delta.
 *
 * <p>Input is keyed by mongo_id (the raw topic's partitioning keeps every change of one document on one
 * task). The store maps mongo_id to the last {@link Customer} version, which is what a delete (it carries
 * only the _id) needs to find the customer_ref to tombstone, and what a partial update merges into.
 *
 * <p>Out of order: a row older than the stored version is a replay and ignored (ties apply; MongoDB's
 * commit times have one-second resolution). A row that changes nothing at all emits nothing, so a
 * redelivered envelope duplicates neither Customer nor CustomerChange. If a document's customer_ref
 * changes, the old ref is tombstoned and the new one starts as first seen.
 */
public final class CustomerJoinProcessor implements Processor<String, NormalizedRow, String, CustomerEffect> {

    private final String storeName;
    private ProcessorContext<String, CustomerEffect> context;
    private KeyValueStore<String, Customer> store;

    public CustomerJoinProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, CustomerEffect> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, NormalizedRow> record) {
        NormalizedRow row = record.value();
        if (row == null) {
            return; // raw tombstone following a delete event: the delete row already did the work
        }
        String mongoId = row.key();
        Customer previous = store.get(mongoId);
        if (previous != null && row.commitTs() < previous.getCommitTs().toEpochMilli()) {
            return;
        }
        long ts = row.commitTs();
        if (row.isDelete()) {
            if (previous != null) {
                store.delete(mongoId);
                forward(previous.getCustomerRef(), CustomerEffect.tombstone(), ts);
            }
            return;
        }
        Customer next = CustomerRows.merge(previous, row); // throws before any state changes
        if (next.equals(previous)) {
            return;
        }
        store.put(mongoId, next);
        Customer sameRefPrevious = previous;
        if (previous != null && !previous.getCustomerRef().equals(next.getCustomerRef())) {
            forward(previous.getCustomerRef(), CustomerEffect.tombstone(), ts);
            sameRefPrevious = null;
        }
        forward(next.getCustomerRef(), CustomerEffect.version(next), ts);
        CustomerChange change = BrazeVisibleChanges.between(sameRefPrevious, next);
        if (change != null) {
            forward(next.getCustomerRef(), CustomerEffect.change(change), ts);
        }
    }

    private void forward(String customerRef, CustomerEffect effect, long timestamp) {
        context.forward(new Record<>(customerRef, effect, timestamp));
    }
}
