package io.ticketstream.streams.join.performance;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.PerformanceStatus;
import io.ticketstream.schemas.Venue;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.time.Instant;

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

    private CatalogRows() {
    }

    /** A performance without its dimensions (filled by the foreign-key joins). */
    public static Performance performance(NormalizedRow row) {
        return Performance.newBuilder()
                .setPerformanceId(keyAsLong(row))
                .setAttractionId(requireLong(row, "attraction_id"))
                .setVenueId(requireLong(row, "venue_id"))
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
