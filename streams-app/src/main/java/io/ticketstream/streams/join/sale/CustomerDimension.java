package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.SaleCustomer;
import io.ticketstream.schemas.TicketSale;

/** Attaches the customer as of the sale's commit time to a sale: the fields analysts and Braze segment by. */
final class CustomerDimension {

    private CustomerDimension() {
    }

    /** @param customer the version in force, or null when there was none: customer_known=false */
    static TicketSale attach(TicketSale sale, Customer customer) {
        if (customer == null) {
            return TicketSale.newBuilder(sale).setCustomerKnown(false).setCustomer(null).build();
        }
        return TicketSale.newBuilder(sale).setCustomerKnown(true).setCustomer(SaleCustomer.newBuilder()
                .setEmail(customer.getEmail())
                .setFirstName(customer.getFirstName())
                .setLastName(customer.getLastName())
                .setCountry(customer.getCountry())
                .setCity(customer.getCity())
                .setLoyaltyTier(customer.getLoyaltyTier())
                .build()).build();
    }
}
