package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.SalePerformance;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.Venue;

/** Attaches the performance (with attraction and venue, as of the sale's commit time) to a sale. */
public final class PerformanceDimension implements SaleDimension<Performance> {

    public static SalePerformance fromPerformance(Performance performance) {
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

    @Override
    public String name() { return "performance"; }

    @Override
    public String keyOf(TicketSale sale) { return Long.toString(sale.getPerformanceId()); }

    @Override
    public TicketSale attach(TicketSale sale, Performance performance) {
        return TicketSale.newBuilder(sale).setPerformanceKnown(true).setPerformance(fromPerformance(performance)).build();
    }

    @Override
    public TicketSale unknown(TicketSale sale) {
        return TicketSale.newBuilder(sale).setPerformanceKnown(false).setPerformance(null).build();
    }
}
