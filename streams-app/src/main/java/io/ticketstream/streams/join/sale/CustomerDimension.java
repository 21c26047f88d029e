package io.ticketstream.streams.join.sale;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.SaleCustomer;
import io.ticketstream.schemas.TicketSale;

/** Attaches the customer (as of the sale's commit time) to a sale. */
public final class CustomerDimension implements SaleDimension<Customer> {

    public static SaleCustomer fromCustomer(Customer customer) {
        return SaleCustomer.newBuilder()
                .setEmail(customer.getEmail())
                .setFirstName(customer.getFirstName())
                .setLastName(customer.getLastName())
                .setCountry(customer.getCountry())
                .setCity(customer.getCity())
                .setLoyaltyTier(customer.getLoyaltyTier())
                .build();
    }

    @Override
    public String name() { return "customer"; }

    @Override
    public String keyOf(TicketSale sale) { return sale.getCustomerRef(); }

    @Override
    public TicketSale attach(TicketSale sale, Customer customer) {
        return TicketSale.newBuilder(sale).setCustomerKnown(true).setCustomer(fromCustomer(customer)).build();
    }

    @Override
    public TicketSale unknown(TicketSale sale) {
        return TicketSale.newBuilder(sale).setCustomerKnown(false).setCustomer(null).build();
    }
}
