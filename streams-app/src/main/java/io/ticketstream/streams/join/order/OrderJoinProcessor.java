package io.ticketstream.streams.join.order;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.streams.join.AsOf;
import io.ticketstream.streams.join.FactKey;
import io.ticketstream.streams.join.JoinMetrics;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.WaitingFacts;
import io.ticketstream.streams.join.catalog.CatalogRows;
import io.ticketstream.streams.join.catalog.CatalogVersions;
import io.ticketstream.streams.join.progress.LocalProgress;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.progress.RemoteProgress;
import io.ticketstream.streams.join.progress.SourcePartition;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Joins orders, tickets and payments, which arrive co-partitioned by order_id on the task's own raw partitions,
 * with a full copy of the catalogue (broadcast to every task with the progress of the tasks that feed it), into
 * {@link Order} versions and {@link TicketSale} facts with their performance as of the fact's commit time.
 *
 * <p>Order versions leave at once. A fact waits until it is complete (README, "When a fact is complete"):
 * its tickets until the task's own partitions are past its commit time ({@link LocalProgress}), its
 * performance until the catalogue is ({@link RemoteProgress}), or for a performance not known then, until the
 * catalogue is past commit time + {@code sale.grace.ms}. No fact waits longer than {@code completeness.max.wait.ms}.
 * Waiting facts are checked after every record and on a wall-clock punctuation.
 */
public final class OrderJoinProcessor implements Processor<String, Progressed<NormalizedRow>, String, OrderEffect> {

    private static final Logger log = LoggerFactory.getLogger(OrderJoinProcessor.class);

    private final Map<String, String> rawTopicByMapping;
    private final RawTopicLayout layout;
    private final JoinSettings settings;
    private ProcessorContext<String, OrderEffect> context;
    private KeyValueStore<String, OrderState> orders;
    private WaitingFacts<Long> waiting;
    private CatalogVersions catalog;
    private LocalProgress own;
    private RemoteProgress catalogProgress;
    private JoinMetrics metrics;

    public OrderJoinProcessor(Map<String, String> rawTopicByMapping, RawTopicLayout layout, JoinSettings settings) {
        this.rawTopicByMapping = rawTopicByMapping;
        this.layout = layout;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, OrderEffect> context) {
        this.context = context;
        this.orders = context.getStateStore(OrderJoin.STATE_STORE);
        this.waiting = new WaitingFacts<>(context.getStateStore(OrderJoin.WAITING_STORE));
        this.catalog = new CatalogVersions(context);
        Collection<String> orderTopics = topicsOf(OrderRows.MAPPINGS);
        this.own = new LocalProgress(layout.sourcesOfTask(orderTopics, context.taskId().partition()),
                settings.toleranceMs(), settings.caughtUp(), context.currentSystemTimeMs());
        this.catalogProgress = new RemoteProgress(layout.sources(topicsOf(CatalogRows.MAPPINGS)), settings.toleranceMs());
        this.metrics = new JoinMetrics(context.metrics(), "order-join");
        context.schedule(settings.watermarkInterval(), PunctuationType.WALL_CLOCK_TIME, this::release);
        context.schedule(WaitingFacts.sweepInterval(settings.maxWaitMs()), PunctuationType.WALL_CLOCK_TIME,
                this::sweepOverdue);
    }

    @Override
    public void process(Record<String, Progressed<NormalizedRow>> record) {
        Progressed<NormalizedRow> value = record.value();
        long now = context.currentSystemTimeMs();
        if (value.isWatermark()) {
            catalogProgress.onWatermark(value.watermark());
        } else if (CatalogRows.MAPPINGS.contains(value.value().mapping())) {
            catalog.apply(value.value());
        } else {
            onOrderRow(value.value(), now);
        }
        release(now);
    }

    private void onOrderRow(NormalizedRow row, long now) {
        OrderRows.validate(row); // throws before any state changes
        RecordMetadata source = context.recordMetadata().orElseThrow();
        own.processed(new SourcePartition(source.topic(), source.partition()), row.commitTs(), now);
        long orderId = OrderRows.orderIdOf(row);
        String key = Long.toString(orderId);
        OrderState state = orders.get(key);
        if (state == null) {
            state = new OrderState();
        }
        List<SaleFacts.Change> changes = switch (row.mapping()) {
            case OrderRows.ORDERS -> applyOrder(key, row, state);
            case OrderRows.TICKETS -> applyChild(key, state, state.tickets(), row);
            default -> applyChild(key, state, state.payments(), row);
        };
        orders.put(key, state);
        for (SaleFacts.Change change : changes) {
            if (change.previousOccurredAt() != null) {
                waiting.remove(new FactKey(change.previousOccurredAt(), change.type(), orderId));
            }
            waiting.add(new FactKey(change.occurredAt(), change.type(), orderId), now);
        }
    }

    private List<SaleFacts.Change> applyOrder(String key, NormalizedRow row, OrderState state) {
        boolean stale = row.commitTs() < state.orderCommitTs();
        if (row.isDelete()) {
            if (state.order() != null && !stale) {
                state.orderDeleted(row.commitTs());
                context.forward(new Record<>(key, OrderEffect.tombstone(), row.commitTs()));
            }
            return List.of();
        }
        if (!stale) {
            state.order(row);
        }
        if (state.order() == null) {
            // A replayed upsert older than the order's delete: the order stays deleted, and since the fact
            // fields survived the delete, a replayed PAID sells nothing twice either.
            return List.of();
        }
        if (!stale) {
            forwardOrder(key, state, row.commitTs());
        }
        return SaleFacts.onOrderRow(row, state);
    }

    /** Tickets and payments: upsert or remove by id, newest commit wins. */
    private List<SaleFacts.Change> applyChild(String key, OrderState state, Map<Long, NormalizedRow> rows, NormalizedRow row) {
        if (OrderRows.TICKETS.equals(row.mapping())) {
            SaleFacts.onTicketRow(row, state);
        }
        long id = Long.parseLong(row.key());
        NormalizedRow current = rows.get(id);
        if (current != null && row.commitTs() < current.commitTs()) {
            return List.of();
        }
        boolean changed = row.isDelete() ? rows.remove(id) != null : !row.equals(rows.put(id, row));
        if (changed && state.order() != null) {
            forwardOrder(key, state, row.commitTs());
        }
        return List.of();
    }

    private void forwardOrder(String key, OrderState state, long timestamp) {
        context.forward(new Record<>(key, OrderEffect.upsert(OrderAssembler.assemble(state)), timestamp));
    }

    /** Emits the waiting facts whose inputs are now complete through their deadline, in deadline order. */
    private void release(long now) {
        long horizon = Math.min(own.horizon(now), catalogProgress.horizon());
        for (WaitingFacts.Entry<Long> entry : waiting.due(horizon)) {
            decide(entry, horizon, false);
        }
    }

    /** Emits, with what is known, every fact that waited {@code completeness.max.wait.ms}. */
    private void sweepOverdue(long now) {
        long horizon = Math.min(own.horizon(now), catalogProgress.horizon());
        for (WaitingFacts.Entry<Long> entry : waiting.all()) {
            if (now - entry.value() >= settings.maxWaitMs()) {
                decide(entry, horizon, true);
            }
        }
    }

    private void decide(WaitingFacts.Entry<Long> entry, long horizon, boolean overdue) {
        FactKey fact = entry.fact();
        String orderKey = Long.toString(fact.orderId());
        OrderState state = orders.get(orderKey);
        boolean sale = fact.type() == SaleType.SALE;
        NormalizedRow decidedBy = sale ? state.paidRow() : state.reversalRow();
        if ((sale ? state.saleEmitted() : state.reversalEmitted()) || decidedBy.commitTs() != fact.occurredAt()) {
            waiting.remove(entry); // emitted already, or moved to an earlier commit time (SaleFacts.Change)
            return;
        }
        if (!sale && !state.saleEmitted()) {
            if (!overdue) { // never before its SALE, which waits for the grace at the latest
                waiting.deferTo(entry, Math.max(entry.deadline(), state.paidRow().commitTs() + settings.saleGraceMs()));
            }
            return;
        }
        AsOf<Performance> performance = performanceAsOf(fact, state, horizon);
        if (!performance.decided()) {
            if (overdue) {
                performance = AsOf.of(overdue(fact, state, horizon));
            } else {
                waiting.deferTo(entry, fact.occurredAt() + settings.saleGraceMs()); // no version in force at T
                return;
            }
        }
        TicketSale emitted = sale ? SaleFacts.sale(state, performance.value()) : SaleFacts.reversal(state, performance.value());
        orders.put(orderKey, state);
        waiting.remove(entry);
        context.forward(new Record<>(orderKey, OrderEffect.sale(emitted), fact.occurredAt()));
    }

    /**
     * The performance in force at the fact's commit time, once the catalogue is complete through it; for a
     * performance that had no version then, once the catalogue is complete through commit time + grace (and
     * then a version committed within the grace counts).
     */
    private AsOf<Performance> performanceAsOf(FactKey fact, OrderState state, long catalogHorizon) {
        if (fact.occurredAt() > catalogHorizon) {
            return AsOf.notYet();
        }
        long performanceId = OrderRows.performanceIdOf(state.paidRow());
        Performance inForce = catalog.performanceAsOf(performanceId, fact.occurredAt(), 0);
        if (inForce != null) {
            return AsOf.of(inForce);
        }
        if (fact.occurredAt() + settings.saleGraceMs() > catalogHorizon) {
            return AsOf.notYet();
        }
        return AsOf.of(catalog.performanceAsOf(performanceId, fact.occurredAt(), settings.saleGraceMs()));
    }

    private Performance overdue(FactKey fact, OrderState state, long horizon) {
        metrics.overdue();
        log.warn("{} waited completeness.max.wait.ms ({} ms) for its tickets or its performance (inputs complete through "
                + "{}): emitted with what is known", fact.saleId(), settings.maxWaitMs(), horizon);
        return catalog.performanceAsOf(OrderRows.performanceIdOf(state.paidRow()), fact.occurredAt(), settings.saleGraceMs());
    }

    private Collection<String> topicsOf(Collection<String> mappings) {
        return mappings.stream().map(rawTopicByMapping::get).toList();
    }
}
