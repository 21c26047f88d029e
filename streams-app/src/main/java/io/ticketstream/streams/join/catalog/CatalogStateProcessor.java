package io.ticketstream.streams.join.catalog;

import io.ticketstream.schemas.Performance;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Performance topic: the whole catalogue in ONE task (it is small), so that a change of any row re-publishes
 * exactly the performances it affects: a performance row its own, an attraction or a venue every performance
 * that references it.
 *
 * <p>Per row, the newest commit wins, whatever the arrival order (a delete is kept as a row too, so an older
 * upsert replayed after it cannot bring the row back). A change of a performance's own row publishes it at once; a
 * change of a venue or an attraction marks the performances that reference it, and every {@code watermark.interval.ms}
 * each marked one is published once (a venue renamed twice within an interval re-publishes each of its performances
 * once, with the second name: the fan-out is coalesced, measured at more than one record per input event otherwise
 * on a busy backlog). Every version is composed of the newest rows known then, so the LAST version of a performance is
 * always right. A performance that was ever published gets a tombstone when its row is deleted. Facts do not read
 * this topic: they carry the performance exactly as of their commit time (CatalogVersions).
 */
public final class CatalogStateProcessor implements Processor<String, NormalizedRow, String, Performance> {

    public static final String ROWS_STORE = "catalog-rows";
    public static final String LINKS_STORE = "catalog-performance-links";
    public static final String PUBLISHED_STORE = "catalog-published-performances";
    public static final String DIRTY_STORE = "catalog-changed-performances";
    private static final char SEPARATOR = '|';

    private ProcessorContext<String, Performance> context;
    private KeyValueStore<String, NormalizedRow> rows;
    private KeyValueStore<String, String> links;
    private KeyValueStore<String, String> published;
    private DirtyPerformances changed;
    private final Duration interval;

    public CatalogStateProcessor(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Performance> context) {
        this.context = context;
        this.rows = context.getStateStore(ROWS_STORE);
        this.links = context.getStateStore(LINKS_STORE);
        this.published = context.getStateStore(PUBLISHED_STORE);
        this.changed = new DirtyPerformances(context.getStateStore(DIRTY_STORE));
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> changed.drain().forEach(this::publish));
    }

    @Override
    public void process(Record<String, NormalizedRow> record) {
        NormalizedRow row = record.value();
        String rowKey = rowKey(row.mapping(), row.key());
        NormalizedRow current = rows.get(rowKey);
        if (current != null && row.commitTs() < current.commitTs()) {
            return; // a replay older than what is in force
        }
        rows.put(rowKey, row);
        switch (row.mapping()) {
            case CatalogRows.PERFORMANCES -> onPerformance(row, current);
            case CatalogRows.ATTRACTIONS, CatalogRows.VENUES -> affectedBy(row.mapping(), row.key()).forEach(changed::mark);
            default -> throw new IllegalArgumentException("not a catalogue mapping: " + row.mapping());
        }
    }

    private void onPerformance(NormalizedRow row, NormalizedRow previous) {
        if (previous != null && !previous.isDelete()) {
            links.delete(link(CatalogRows.ATTRACTIONS, previous.getLong(CatalogRows.ATTRACTION_ID), row.key()));
            links.delete(link(CatalogRows.VENUES, previous.getLong(CatalogRows.VENUE_ID), row.key()));
        }
        if (!row.isDelete()) {
            links.put(link(CatalogRows.ATTRACTIONS, row.getLong(CatalogRows.ATTRACTION_ID), row.key()), "");
            links.put(link(CatalogRows.VENUES, row.getLong(CatalogRows.VENUE_ID), row.key()), "");
        }
        changed.unmark(row.key());
        publish(row.key());
    }

    private void publish(String performanceId) {
        NormalizedRow row = rows.get(rowKey(CatalogRows.PERFORMANCES, performanceId));
        if (row == null || row.isDelete()) {
            if (published.get(performanceId) != null) {
                published.delete(performanceId);
                context.forward(new Record<>(performanceId, null, row == null ? 0L : row.commitTs()));
            }
            return;
        }
        Performance performance = CatalogRows.compose(row,
                live(rowKey(CatalogRows.ATTRACTIONS, row.getLong(CatalogRows.ATTRACTION_ID).toString())),
                live(rowKey(CatalogRows.VENUES, row.getLong(CatalogRows.VENUE_ID).toString())));
        if (published.get(performanceId) == null) {
            published.put(performanceId, "");
        }
        context.forward(new Record<>(performanceId, performance, performance.getCommitTs().toEpochMilli()));
    }

    private NormalizedRow live(String rowKey) {
        NormalizedRow row = rows.get(rowKey);
        return row == null || row.isDelete() ? null : row;
    }

    private List<String> affectedBy(String mapping, String id) {
        String prefix = mapping + SEPARATOR + id + SEPARATOR;
        List<String> performanceIds = new ArrayList<>();
        try (KeyValueIterator<String, String> linked = links.prefixScan(prefix, new StringSerializer())) {
            linked.forEachRemaining(entry -> performanceIds.add(entry.key.substring(prefix.length())));
        }
        return performanceIds;
    }

    private static String rowKey(String mapping, String id) {
        return mapping + SEPARATOR + id;
    }

    private static String link(String mapping, Long id, String performanceId) {
        return mapping + SEPARATOR + id + SEPARATOR + performanceId;
    }
}
