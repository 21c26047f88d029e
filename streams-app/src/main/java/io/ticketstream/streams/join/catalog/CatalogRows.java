package io.ticketstream.streams.join.catalog;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.PerformanceStatus;
import io.ticketstream.schemas.Venue;
import io.ticketstream.streams.join.JoinDataException;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.time.Instant;
import java.util.List;

import static io.ticketstream.streams.join.RowReader.instantOrNull;
import static io.ticketstream.streams.join.RowReader.keyAsLong;
import static io.ticketstream.streams.join.RowReader.requireEnum;
import static io.ticketstream.streams.join.RowReader.requireLong;

/**
 * Conversions of the Aurora catalog rows to canonical records. The performance is converted before it
 * enters its table, so a bad row is rejected (dead-lettered) at the door and the foreign-key extractors
 * downstream never meet a missing key.
 */
public final class CatalogRows {

    public static final String ATTRACTIONS = "attractions";
    public static final String VENUES = "venues";
    public static final String PERFORMANCES = "performances";
    /** A performance's foreign keys (validated present by {@link #performance}). */
    public static final String ATTRACTION_ID = "attraction_id";
    public static final String VENUE_ID = "venue_id";
    public static final List<String> MAPPINGS = List.of(ATTRACTIONS, VENUES, PERFORMANCES);

    private CatalogRows() {
    }

    /**
     * Rejects a catalogue row the contract cannot represent (throws {@link JoinDataException}
     * naming the field and value), once, before the row is copied to every task that keeps the catalogue.
     */
    public static void validate(NormalizedRow row) {
        if (row.isDelete()) {
            keyAsLong(row);
            return;
        }
        switch (row.mapping()) {
            case ATTRACTIONS -> attraction(row);
            case VENUES -> venue(row);
            case PERFORMANCES -> performance(row);
            default -> throw new JoinDataException("catalogue join received a row of mapping '"
                    + row.mapping() + "' (key " + row.key() + "); expected one of " + MAPPINGS);
        }
    }

    /**
     * The canonical Performance from the rows in force: the performance row, its attraction and its venue
     * (null when not known or deleted). commit_ts is the newest commit of the three.
     */
    public static Performance compose(NormalizedRow performanceRow, NormalizedRow attractionRow, NormalizedRow venueRow) {
        long commitTs = performanceRow.commitTs();
        Performance.Builder performance = Performance.newBuilder(performance(performanceRow));
        if (attractionRow != null) {
            performance.setAttraction(attraction(attractionRow));
            commitTs = Math.max(commitTs, attractionRow.commitTs());
        }
        if (venueRow != null) {
            performance.setVenue(venue(venueRow));
            commitTs = Math.max(commitTs, venueRow.commitTs());
        }
        return performance.setCommitTs(Instant.ofEpochMilli(commitTs)).build();
    }

    /** A performance without its dimensions (filled by the foreign-key joins). */
    public static Performance performance(NormalizedRow row) {
        return Performance.newBuilder()
                .setPerformanceId(keyAsLong(row))
                .setAttractionId(requireLong(row, ATTRACTION_ID))
                .setVenueId(requireLong(row, VENUE_ID))
                .setStartsAt(instantOrNull(row.getTimestamp("starts_at")))
                .setOnSaleAt(instantOrNull(row.getTimestamp("on_sale_at")))
                .setStatus(requireEnum(row, "status", PerformanceStatus.class))
                .setAttraction(null)
                .setVenue(null)
                .setCommitTs(Instant.ofEpochMilli(row.commitTs()))
                .build();
    }

    public static Attraction attraction(NormalizedRow row) {
        return Attraction.newBuilder()
                .setAttractionId(keyAsLong(row))
                .setName(row.getString("name"))
                .setGenre(row.getString("genre"))
                .setPromoter(row.getString("promoter"))
                .build();
    }

    public static Venue venue(NormalizedRow row) {
        return Venue.newBuilder()
                .setVenueId(keyAsLong(row))
                .setName(row.getString("name"))
                .setCity(row.getString("city"))
                .setCountry(row.getString("country"))
                .setTimezone(row.getString("timezone"))
                .setCapacity(row.getInt("capacity"))
                .build();
    }
}
