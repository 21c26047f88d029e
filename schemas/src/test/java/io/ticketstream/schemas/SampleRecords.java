package io.ticketstream.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One fully populated record of every canonical entity, with every logical type and nesting exercised. */
public final class SampleRecords {

    public static final Instant COMMIT = Instant.parse("2025-03-14T09:26:53.589Z");

    private SampleRecords() {
    }

    public static Customer customer() {
        return Customer.newBuilder()
                .setCustomerRef("C-000123").setEmail("ada@example.org").setPhone("+44 20 7946 0000")
                .setFirstName("Ada").setLastName("Lovelace").setDateOfBirth(LocalDate.of(1815, 12, 10))
                .setCountry("GB").setCity("London").setEmailOptIn(true).setSmsOptIn(false)
                .setFavouriteGenres(List.of("opera", "jazz")).setLoyaltyTier("GOLD").setLoyaltyPoints(1234L)
                .setCreatedAt(Instant.parse("2020-01-02T03:04:05.006Z")).setUpdatedAt(COMMIT.minusSeconds(60))
                .setCommitTs(COMMIT)
                .build();
    }

    public static Performance performance() {
        return Performance.newBuilder()
                .setPerformanceId(9001L).setAttractionId(77L).setVenueId(5L)
                .setStartsAt(Instant.parse("2025-06-01T19:30:00Z")).setOnSaleAt(Instant.parse("2025-03-01T10:00:00Z"))
                .setStatus(PerformanceStatus.ON_SALE)
                .setAttraction(Attraction.newBuilder().setAttractionId(77L).setName("Tosca").setGenre("opera")
                        .setPromoter(null).build())
                .setVenue(Venue.newBuilder().setVenueId(5L).setName("Royal Opera House").setCity("London")
                        .setCountry("GB").setTimezone("Europe/London").setCapacity(2256).build())
                .setCommitTs(COMMIT)
                .build();
    }

    public static Order order() {
        return Order.newBuilder()
                .setOrderId(424242L).setCustomerRef("C-000123").setPerformanceId(9001L)
                .setStatus(OrderStatus.PAID).setChannel(SalesChannel.APP).setCurrency("GBP")
                .setTotalAmount(new BigDecimal("150.50"))
                .setCreatedAt(Instant.parse("2025-03-14T09:20:00Z")).setUpdatedAt(COMMIT)
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

    public static TicketSale ticketSale() {
        return TicketSale.newBuilder()
                .setSaleId("424242-SALE").setType(SaleType.SALE).setOrderId(424242L).setOccurredAt(COMMIT)
                .setCustomerRef("C-000123").setCustomerKnown(true)
                .setCustomer(SaleCustomer.newBuilder().setEmail("ada@example.org").setFirstName("Ada")
                        .setLastName("Lovelace").setCountry("GB").setCity("London").setLoyaltyTier("GOLD").build())
                .setPerformanceId(9001L).setPerformanceKnown(false).setPerformance(null)
                .setTicketCount(1).setGrossAmount(new BigDecimal("9999999999.99")).setCurrency("GBP")
                .setChannel(SalesChannel.BOX_OFFICE)
                .build();
    }

    public static CustomerChange customerChange() {
        return CustomerChange.newBuilder()
                .setCustomerRef("C-000123").setFirstSeen(false).setChangedFields(List.of("email", "sms_opt_in"))
                .setEmail("ada.lovelace@example.org").setSmsOptIn(true).setFavouriteGenres(null)
                .setCommitTs(COMMIT)
                .build();
    }
}
