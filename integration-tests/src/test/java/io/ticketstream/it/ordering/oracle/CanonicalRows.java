package io.ticketstream.it.ordering.oracle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.Payment;
import io.ticketstream.schemas.PaymentStatus;
import io.ticketstream.schemas.PerformanceStatus;
import io.ticketstream.schemas.PriceType;
import io.ticketstream.schemas.SaleCustomer;
import io.ticketstream.schemas.SalePerformance;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.schemas.Venue;

/**
 * Source rows (as Debezium wrote them: SQL Server with decimal.handling.mode=string and time.precision.mode=connect,
 * MongoDB Extended JSON, PostgreSQL ISO-8601 timestamptz) to the canonical Avro parts, written out field by field:
 * the oracle's own reading of the schemas' docs, independent of the streams app's mapping files.
 */
final class CanonicalRows {

    private CanonicalRows() {
    }

    static Ticket ticket(JsonNode row) {
        return Ticket.newBuilder()
                .setTicketId(row.get("ticket_id").asLong())
                .setPerformanceId(row.get("performance_id").asLong())
                .setSection(text(row, "section"))
                .setRowLabel(text(row, "row_label"))
                .setSeatNumber(row.path("seat_number").isNull() ? null : row.get("seat_number").asInt())
                .setPriceType(PriceType.valueOf(row.get("price_type").asText()))
                .setPrice(new BigDecimal(row.get("price").asText()))
                .setStatus(TicketStatus.valueOf(row.get("status").asText()))
                .build();
    }

    static Payment payment(JsonNode row) {
        return Payment.newBuilder()
                .setPaymentId(row.get("payment_id").asLong())
                .setAmount(new BigDecimal(row.get("amount").asText()))
                .setMethod(text(row, "method"))
                .setStatus(PaymentStatus.valueOf(row.get("status").asText()))
                .setProcessedAt(millis(row, "processed_at"))
                .build();
    }

    static OrderStatus orderStatus(JsonNode order) {
        return OrderStatus.valueOf(order.get("status").asText());
    }

    static Customer customer(JsonNode doc, long commitTs) {
        JsonNode preferences = doc.path("preferences");
        List<String> genres = new ArrayList<>();
        preferences.path("favourite_genres").forEach(g -> genres.add(g.asText()));
        return Customer.newBuilder()
                .setCustomerRef(doc.get("customer_ref").asText())
                .setEmail(text(doc, "email"))
                .setPhone(text(doc, "phone"))
                .setFirstName(text(doc, "first_name"))
                .setLastName(text(doc, "last_name"))
                .setDateOfBirth(doc.has("date_of_birth")
                        ? LocalDate.ofInstant(Instant.ofEpochMilli(doc.get("date_of_birth").get("$date").asLong()), ZoneOffset.UTC) : null)
                .setCountry(text(doc, "country"))
                .setCity(text(doc, "city"))
                .setEmailOptIn(preferences.has("email_opt_in") ? preferences.get("email_opt_in").asBoolean() : null)
                .setSmsOptIn(preferences.has("sms_opt_in") ? preferences.get("sms_opt_in").asBoolean() : null)
                .setFavouriteGenres(genres)
                .setLoyaltyTier(text(doc.path("loyalty"), "tier"))
                .setLoyaltyPoints(doc.path("loyalty").has("points") ? Long.parseLong(doc.get("loyalty").get("points").get("$numberLong").asText()) : null)
                .setCreatedAt(mongoDate(doc, "created_at"))
                .setUpdatedAt(mongoDate(doc, "updated_at"))
                .setCommitTs(Instant.ofEpochMilli(commitTs))
                .build();
    }

    static SaleCustomer saleCustomer(JsonNode doc) {
        return SaleCustomer.newBuilder()
                .setEmail(text(doc, "email"))
                .setFirstName(text(doc, "first_name"))
                .setLastName(text(doc, "last_name"))
                .setCountry(text(doc, "country"))
                .setCity(text(doc, "city"))
                .setLoyaltyTier(text(doc.path("loyalty"), "tier"))
                .build();
    }

    /** The performance with its attraction and venue (either null when unknown) as the fact carries it. */
    static SalePerformance salePerformance(JsonNode performance, JsonNode attraction, JsonNode venue) {
        return SalePerformance.newBuilder()
                .setStartsAt(iso(performance, "starts_at"))
                .setAttractionId(performance.get("attraction_id").asLong())
                .setAttractionName(attraction == null ? null : text(attraction, "name"))
                .setGenre(attraction == null ? null : text(attraction, "genre"))
                .setVenueId(performance.get("venue_id").asLong())
                .setVenueName(venue == null ? null : text(venue, "name"))
                .setVenueCity(venue == null ? null : text(venue, "city"))
                .setVenueCountry(venue == null ? null : text(venue, "country"))
                .build();
    }

    static Attraction attraction(JsonNode row) {
        return Attraction.newBuilder()
                .setAttractionId(row.get("attraction_id").asLong())
                .setName(text(row, "name"))
                .setGenre(text(row, "genre"))
                .setPromoter(text(row, "promoter"))
                .build();
    }

    static Venue venue(JsonNode row) {
        return Venue.newBuilder()
                .setVenueId(row.get("venue_id").asLong())
                .setName(text(row, "name"))
                .setCity(text(row, "city"))
                .setCountry(text(row, "country"))
                .setTimezone(text(row, "timezone"))
                .setCapacity(row.path("capacity").isNull() ? null : row.get("capacity").asInt())
                .build();
    }

    static PerformanceStatus performanceStatus(JsonNode row) {
        return PerformanceStatus.valueOf(row.get("status").asText());
    }

    static Instant iso(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    static Instant millis(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong());
    }

    private static Instant mongoDate(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.get("$date").asLong());
    }

    static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
