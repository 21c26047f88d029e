package io.ticketstream.streams.join.catalog;

import io.ticketstream.schemas.Performance;
import io.ticketstream.streams.join.VersionedLookups;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Every version of every catalogue row (attractions, venues, performances), by commit time, in one task's
 * versioned stores, so that a fact can see the performance exactly as it was at its commit time whatever
 * order the rows arrived in: a performance, its attraction and its venue are each looked up "as of" that
 * time and composed then, instead of composing on arrival (which would freeze an arrival order).
 */
public final class CatalogVersions {

    public static final String ATTRACTIONS_STORE = "catalog-attraction-versions";
    public static final String VENUES_STORE = "catalog-venue-versions";
    public static final String PERFORMANCES_STORE = "catalog-performance-versions";

    private final VersionedKeyValueStore<String, NormalizedRow> attractions;
    private final VersionedKeyValueStore<String, NormalizedRow> venues;
    private final VersionedKeyValueStore<String, NormalizedRow> performances;

    public CatalogVersions(ProcessorContext<?, ?> context) {
        this.attractions = context.getStateStore(ATTRACTIONS_STORE);
        this.venues = context.getStateStore(VENUES_STORE);
        this.performances = context.getStateStore(PERFORMANCES_STORE);
    }

    /** Records a row version at its commit time; a delete ends the row's validity there. */
    public void apply(NormalizedRow row) {
        store(row.mapping()).put(row.key(), row.isDelete() ? null : row, row.commitTs());
    }

    /**
     * The performance as of {@code asOf}: its row in force then, composed with its attraction and venue in force
     * then. When no performance row was in force, the first version committed within {@code graceMs} after it is used
     * (the databases' clocks disagree; {@link VersionedLookups}); null when there is none either.
     */
    public Performance performanceAsOf(long performanceId, long asOf, long graceMs) {
        NormalizedRow row = VersionedLookups.asOfWithGrace(performances, Long.toString(performanceId), asOf, graceMs);
        if (row == null) {
            return null;
        }
        NormalizedRow attraction = valueOf(attractions.get(row.getLong(CatalogRows.ATTRACTION_ID).toString(), asOf));
        NormalizedRow venue = valueOf(venues.get(row.getLong(CatalogRows.VENUE_ID).toString(), asOf));
        return CatalogRows.compose(row, attraction, venue);
    }

    private VersionedKeyValueStore<String, NormalizedRow> store(String mapping) {
        return switch (mapping) {
            case CatalogRows.ATTRACTIONS -> attractions;
            case CatalogRows.VENUES -> venues;
            case CatalogRows.PERFORMANCES -> performances;
            default -> throw new IllegalArgumentException("not a catalogue mapping: " + mapping);
        };
    }

    private static NormalizedRow valueOf(VersionedRecord<NormalizedRow> record) {
        return record == null ? null : record.value();
    }
}
