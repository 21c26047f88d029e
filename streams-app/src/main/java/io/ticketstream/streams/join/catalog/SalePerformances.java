package io.ticketstream.streams.join.catalog;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SalePerformance;
import io.ticketstream.schemas.Venue;

/** The part of a {@link Performance} a TicketSale carries: what analysts group sales by. */
public final class SalePerformances {

    private SalePerformances() {
    }

    public static SalePerformance of(Performance performance) {
        Attraction attraction = performance.getAttraction();
        Venue venue = performance.getVenue();
        return SalePerformance.newBuilder()
                .setStartsAt(performance.getStartsAt())
                .setAttractionId(performance.getAttractionId())
                .setAttractionName(attraction == null ? null : attraction.getName())
                .setGenre(attraction == null ? null : attraction.getGenre())
                .setVenueId(performance.getVenueId())
                .setVenueName(venue == null ? null : venue.getName())
                .setVenueCity(venue == null ? null : venue.getCity())
                .setVenueCountry(venue == null ? null : venue.getCountry())
                .build();
    }
}
