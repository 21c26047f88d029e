package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.progress.ProgressEmitter;
import io.ticketstream.streams.join.progress.SourcePartition;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

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
 *
 * <p>Every {@code watermark.interval.ms} it reports its progress on its raw partition, so the sale join, which
 * reads its versions in arrival order among other tasks', knows when it has every version up to a time.
 */
public final class CustomerJoinProcessor implements Processor<String, NormalizedRow, String, CustomerEffect> {

    static final String WATERMARK_KEY = "watermark";

    private final String storeName;
    private final String rawTopic;
    private final RawTopicLayout layout;
    private final JoinSettings settings;
    private ProcessorContext<String, CustomerEffect> context;
    private KeyValueStore<String, Customer> store;
    private ProgressEmitter progress;

    public CustomerJoinProcessor(String storeName, String rawTopic, RawTopicLayout layout, JoinSettings settings) {
        this.storeName = storeName;
        this.rawTopic = rawTopic;
        this.layout = layout;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CustomerEffect> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.progress = new ProgressEmitter(layout.sourcesOfTask(List.of(rawTopic), context.taskId().partition()),
                settings.caughtUp(), context.currentSystemTimeMs());
        context.schedule(settings.watermarkInterval(), PunctuationType.WALL_CLOCK_TIME, now ->
                context.forward(new Record<>(WATERMARK_KEY, CustomerEffect.watermark(progress.report(now)), 0L)));
    }

    @Override
    public void process(Record<String, NormalizedRow> record) {
        NormalizedRow row = record.value();
        if (row == null) {
            return; // raw tombstone following a delete event: the delete row already did the work
        }
        RecordMetadata source = context.recordMetadata().orElseThrow();
        progress.processed(new SourcePartition(source.topic(), source.partition()), row.commitTs(),
                context.currentSystemTimeMs());
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
