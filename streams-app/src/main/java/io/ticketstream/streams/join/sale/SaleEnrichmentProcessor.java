package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.TicketSale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One sale-enrichment hop: attaches a dimension (customer or performance) as it was at the sale's
 * commit time, and holds sales whose dimension is not known yet.
 *
 * <p>Dimension versions go into a versioned store at their commit time; a sale looks it up "as of" its
 * occurred_at. If nothing is valid then but a later version exists (clocks of different source databases
 * disagree), that earliest-available latest version is used rather than calling a known customer unknown.
 *
 * <p>A sale with no version at all waits in a pending store until its dimension arrives (emitted at once
 * then) or until stream time passes occurred_at + grace (emitted with the *_known flag false). Stream
 * time, not wall-clock time: the hop's one input topic carries both kinds, so stream time past the
 * deadline means the dimension had its chance; a replay runs exactly as the original did.
 */
public final class SaleEnrichmentProcessor<D> implements Processor<String, DimensionOrSale<D>, String, TicketSale> {

    private static final char SEPARATOR = '\u0000';

    private final SaleDimension<D> dimension;
    private final String versionsStoreName;
    private final String pendingStoreName;
    private final long graceMs;
    private final Duration punctuateEvery;

    private ProcessorContext<String, TicketSale> context;
    private VersionedKeyValueStore<String, D> versions;
    private KeyValueStore<String, TicketSale> pending;

    public SaleEnrichmentProcessor(SaleDimension<D> dimension, String versionsStoreName, String pendingStoreName,
                                   Duration grace) {
        this.dimension = dimension;
        this.versionsStoreName = versionsStoreName;
        this.pendingStoreName = pendingStoreName;
        this.graceMs = grace.toMillis();
        // Releasing at most a second of stream time late is plenty; a shorter grace punctuates faster.
        Duration every = grace.compareTo(Duration.ofSeconds(1)) < 0 ? grace : Duration.ofSeconds(1);
        this.punctuateEvery = every.isZero() || every.isNegative() ? Duration.ofMillis(1) : every;
    }

    @Override
    public void init(ProcessorContext<String, TicketSale> context) {
        this.context = context;
        this.versions = context.getStateStore(versionsStoreName);
        this.pending = context.getStateStore(pendingStoreName);
        context.schedule(punctuateEvery, PunctuationType.STREAM_TIME, this::releaseExpired);
    }

    @Override
    public void process(Record<String, DimensionOrSale<D>> record) {
        DimensionOrSale<D> value = record.value();
        if (value == null) {
            return;
        }
        if (value.isSale()) {
            onSale(record.key(), value.sale());
        } else {
            onDimension(record.key(), value.dimension(), record.timestamp());
        }
    }

    private void onSale(String key, TicketSale sale) {
        long occurredAt = sale.getOccurredAt().toEpochMilli();
        D known = lookup(key, occurredAt);
        if (known != null) {
            forward(key, dimension.attach(sale, known));
        } else if (occurredAt + graceMs <= context.currentStreamTimeMs()) {
            forward(key, dimension.unknown(sale));
        } else {
            pending.put(pendingKey(key, sale), sale);
        }
    }

    private void onDimension(String key, D value, long commitTs) {
        versions.put(key, value, commitTs);
        if (value == null) {
            return;
        }
        List<String> released = new ArrayList<>();
        try (KeyValueIterator<String, TicketSale> waiting = pending.prefixScan(key + SEPARATOR, new StringSerializer())) {
            while (waiting.hasNext()) {
                KeyValue<String, TicketSale> entry = waiting.next();
                TicketSale sale = entry.value;
                D found = lookup(key, sale.getOccurredAt().toEpochMilli());
                if (found != null) { // null only if the version fell outside the store's history retention
                    forward(key, dimension.attach(sale, found));
                    released.add(entry.key);
                }
            }
        }
        released.forEach(pending::delete);
    }

    /** Stream-time punctuation: sales past their grace leave without the dimension. */
    private void releaseExpired(long streamTime) {
        List<KeyValue<String, TicketSale>> expired = new ArrayList<>();
        try (KeyValueIterator<String, TicketSale> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, TicketSale> entry = all.next();
                if (entry.value.getOccurredAt().toEpochMilli() + graceMs <= streamTime) {
                    expired.add(entry);
                }
            }
        }
        for (KeyValue<String, TicketSale> entry : expired) {
            String key = dimension.keyOf(entry.value);
            forward(key, dimension.unknown(entry.value));
            pending.delete(entry.key);
        }
    }

    private D lookup(String key, long asOf) {
        VersionedRecord<D> asOfSale = versions.get(key, asOf);
        if (asOfSale != null) {
            return asOfSale.value();
        }
        VersionedRecord<D> latest = versions.get(key);
        return latest == null ? null : latest.value();
    }

    private void forward(String key, TicketSale sale) {
        context.forward(new Record<>(key, sale, sale.getOccurredAt().toEpochMilli()));
    }

    /** dimension key, then occurred_at and type, so a dimension's waiting sales are released in fact order. */
    static String pendingKey(String dimensionKey, TicketSale sale) {
        return dimensionKey + SEPARATOR + String.format("%019d", sale.getOccurredAt().toEpochMilli())
                + SEPARATOR + sale.getType().ordinal() + SEPARATOR + sale.getOrderId();
    }
}
