package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.AsOf;
import io.ticketstream.streams.join.FactKey;
import io.ticketstream.streams.join.JoinMetrics;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.VersionedLookups;
import io.ticketstream.streams.join.WaitingFacts;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.progress.RemoteProgress;
import io.ticketstream.streams.join.progress.SourcePartition;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Attaches the customer, as it was at the fact's commit time, to every sale fact. Sales (from the order join)
 * and customer versions (from the customer join) meet here by customer_ref, in arrival order; the customer
 * join's watermarks say when every version up to a time has arrived.
 *
 * <p>A fact leaves when the customer joins are complete through its commit time and a version was in force then;
 * or, with no version in force, when they are complete through commit time + {@code sale.grace.ms} (then a
 * version committed within the grace is used, else customer_known=false); or after
 * {@code completeness.max.wait.ms} whatever is missing. A REVERSAL never leaves before its SALE.
 */
public final class CustomerHopProcessor implements Processor<String, Progressed<DimensionOrSale<Customer>>, String, TicketSale> {

    private static final Logger log = LoggerFactory.getLogger(CustomerHopProcessor.class);

    private final Set<SourcePartition> customerSources;
    private final JoinSettings settings;
    private ProcessorContext<String, TicketSale> context;
    private VersionedKeyValueStore<String, Customer> versions;
    private WaitingFacts<WaitingSale> waiting;
    private RemoteProgress progress;
    private JoinMetrics metrics;

    CustomerHopProcessor(Set<SourcePartition> customerSources, JoinSettings settings) {
        this.customerSources = customerSources;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, TicketSale> context) {
        this.context = context;
        this.versions = context.getStateStore(CustomerHop.VERSIONS_STORE);
        this.waiting = new WaitingFacts<>(context.getStateStore(CustomerHop.WAITING_STORE));
        this.progress = new RemoteProgress(customerSources, settings.toleranceMs());
        this.metrics = new JoinMetrics(context.metrics(), "customer-hop");
        context.schedule(settings.watermarkInterval(), PunctuationType.WALL_CLOCK_TIME, this::release);
        context.schedule(WaitingFacts.sweepInterval(settings.maxWaitMs()), PunctuationType.WALL_CLOCK_TIME,
                this::sweepOverdue);
    }

    @Override
    public void process(Record<String, Progressed<DimensionOrSale<Customer>>> record) {
        Progressed<DimensionOrSale<Customer>> value = record.value();
        long now = context.currentSystemTimeMs();
        if (value.isWatermark()) {
            progress.onWatermark(value.watermark());
        } else if (value.value().isSale()) {
            TicketSale sale = value.value().sale();
            if (!emitIfDecided(sale, progress.horizon())) { // live, it usually is: no store write then
                waiting.add(new FactKey(sale.getOccurredAt().toEpochMilli(), sale.getType(), sale.getOrderId()),
                        new WaitingSale(now, sale));
            }
        } else {
            // The record timestamp is the version's commit time; a null customer ends the validity there.
            versions.put(record.key(), value.value().dimension(), record.timestamp());
        }
        release(now);
    }

    /** Emits the waiting facts whose customer is now known through their deadline, in deadline order. */
    private void release(long now) {
        long horizon = progress.horizon();
        for (WaitingFacts.Entry<WaitingSale> entry : waiting.due(horizon)) {
            decide(entry, horizon, false);
        }
    }

    /** Emits, with what is known, every fact that waited {@code completeness.max.wait.ms}. */
    private void sweepOverdue(long now) {
        long horizon = progress.horizon();
        for (WaitingFacts.Entry<WaitingSale> entry : waiting.all()) {
            if (now - entry.value().since() >= settings.maxWaitMs()) {
                decide(entry, horizon, true);
            }
        }
    }

    /** Emits a sale that has just arrived if nothing can change it any more (and no SALE of its order waits). */
    private boolean emitIfDecided(TicketSale sale, long horizon) {
        if (sale.getType() == SaleType.REVERSAL && waiting.saleDeadline(sale.getOrderId()).isPresent()) {
            return false;
        }
        AsOf<Customer> customer = customerAsOf(sale.getCustomerRef(), sale.getOccurredAt().toEpochMilli(), horizon);
        if (customer.decided()) {
            emit(sale, customer.value());
        }
        return customer.decided();
    }

    private void emit(TicketSale sale, Customer customer) {
        context.forward(new Record<>(Long.toString(sale.getOrderId()), CustomerDimension.attach(sale, customer),
                sale.getOccurredAt().toEpochMilli()));
    }

    private void decide(WaitingFacts.Entry<WaitingSale> entry, long horizon, boolean overdue) {
        TicketSale sale = entry.value().sale();
        if (sale.getType() == SaleType.REVERSAL) {
            OptionalLong saleDeadline = waiting.saleDeadline(sale.getOrderId());
            if (saleDeadline.isPresent()) {
                if (!overdue) { // never before its SALE: try again at the SALE's deadline
                    waiting.deferTo(entry, Math.max(entry.deadline(), saleDeadline.getAsLong()));
                }
                return;
            }
        }
        long occurredAt = sale.getOccurredAt().toEpochMilli();
        AsOf<Customer> customer = customerAsOf(sale.getCustomerRef(), occurredAt, horizon);
        if (!customer.decided()) {
            if (!overdue) {
                waiting.deferTo(entry, occurredAt + settings.saleGraceMs()); // no version in force at its commit time
                return;
            }
            metrics.overdue();
            log.warn("{} waited completeness.max.wait.ms ({} ms) for its customer (customer joins complete through {}): "
                    + "emitted with what is known", sale.getSaleId(), settings.maxWaitMs(), horizon);
            customer = AsOf.of(VersionedLookups.asOfWithGrace(versions, sale.getCustomerRef(), occurredAt,
                    settings.saleGraceMs()));
        }
        waiting.remove(entry);
        emit(sale, customer.value());
    }

    private AsOf<Customer> customerAsOf(String customerRef, long occurredAt, long horizon) {
        if (occurredAt > horizon) {
            return AsOf.notYet();
        }
        Customer inForce = valueOf(versions.get(customerRef, occurredAt));
        if (inForce != null) {
            return AsOf.of(inForce);
        }
        if (occurredAt + settings.saleGraceMs() > horizon) {
            return AsOf.notYet();
        }
        return AsOf.of(VersionedLookups.asOfWithGrace(versions, customerRef, occurredAt, settings.saleGraceMs()));
    }

    private static Customer valueOf(VersionedRecord<Customer> record) {
        return record == null ? null : record.value();
    }
}
