package io.ticketstream.connect.converter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.Payment;
import io.ticketstream.schemas.PaymentStatus;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.PerformanceStatus;
import io.ticketstream.schemas.PriceType;
import io.ticketstream.schemas.SaleCustomer;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.SalesChannel;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.schemas.Venue;

/** One populated record per canonical entity: every logical type, nullable and nested shape appears. */
final class ConverterSamples {

    static final Instant COMMIT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final Instant STARTS = Instant.parse("2025-06-01T19:30:00Z");

    private ConverterSamples() {
    }

    static Customer customer() {
        return Customer.newBuilder()
                .setCustomerRef("C-000123").setEmail("ada@example.org").setPhone(null)
                .setFirstName("Ada").setLastName("Lovelace").setDateOfBirth(LocalDate.of(1815, 12, 10))
                .setCountry("GB").setCity("London").setEmailOptIn(true).setSmsOptIn(false)
                .setFavouriteGenres(List.of("opera", "jazz")).setLoyaltyTier("GOLD").setLoyaltyPoints(1234L)
                .setCreatedAt(null).setUpdatedAt(COMMIT.minusSeconds(60)).setCommitTs(COMMIT)
                .build();
    }

    static Performance performance() {
        return Performance.newBuilder()
                .setPerformanceId(9001L).setAttractionId(77L).setVenueId(5L)
                .setStartsAt(STARTS).setOnSaleAt(null).setStatus(PerformanceStatus.SOLD_OUT)
                .setAttraction(Attraction.newBuilder().setAttractionId(77L).setName("Tosca").setGenre("opera")
                        .setPromoter(null).build())
                .setVenue(null)
                .setCommitTs(COMMIT)
                .build();
    }

    static Order order() {
        return Order.newBuilder()
                .setOrderId(424242L).setCustomerRef("C-000123").setPerformanceId(9001L)
                .setStatus(OrderStatus.PAID).setChannel(SalesChannel.APP).setCurrency("GBP")
                .setTotalAmount(new BigDecimal("150.50")).setCreatedAt(COMMIT.minusSeconds(300)).setUpdatedAt(COMMIT)
                .setTickets(List.of(
                        Ticket.newBuilder().setTicketId(1L).setPerformanceId(9001L).setSection("STALLS")
                                .setRowLabel("F").setSeatNumber(12).setPriceType(PriceType.ADULT)
                                .setPrice(new BigDecimal("100.00")).setStatus(TicketStatus.ISSUED).build(),
                        Ticket.newBuilder().setTicketId(2L).setPerformanceId(9001L).setSection(null)
                                .setRowLabel(null).setSeatNumber(null).setPriceType(PriceType.CHILD)
                                .setPrice(new BigDecimal("50.50")).setStatus(TicketStatus.VOID).build()))
                .setTicketCount(1)
                .setPayment(Payment.newBuilder().setPaymentId(31L).setAmount(new BigDecimal("150.50"))
                        .setMethod("CARD").setStatus(PaymentStatus.CAPTURED).setProcessedAt(COMMIT).build())
                .setCommitTs(COMMIT)
                .build();
    }

    static TicketSale ticketSale() {
        return TicketSale.newBuilder()
                .setSaleId("424242-REVERSAL").setType(SaleType.REVERSAL).setOrderId(424242L).setOccurredAt(COMMIT)
                .setCustomerRef("C-000123").setCustomerKnown(true)
                .setCustomer(SaleCustomer.newBuilder().setEmail("ada@example.org").setFirstName("Ada")
                        .setLastName(null).setCountry("GB").setCity("London").setLoyaltyTier("GOLD").build())
                .setPerformanceId(9001L).setPerformanceKnown(false).setPerformance(null)
                .setTicketCount(3).setGrossAmount(new BigDecimal("9999999999.99")).setCurrency("EUR")
                .setChannel(SalesChannel.BOX_OFFICE)
                .build();
    }

    static CustomerChange customerChange() {
        return CustomerChange.newBuilder()
                .setCustomerRef("C-000123").setFirstSeen(false).setChangedFields(List.of("email", "date_of_birth"))
                .setEmail("ada.lovelace@example.org").setDateOfBirth(LocalDate.of(1815, 12, 10))
                .setFavouriteGenres(null).setCommitTs(COMMIT)
                .build();
    }
}
