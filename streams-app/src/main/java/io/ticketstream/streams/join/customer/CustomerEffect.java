package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;

/**
 * One output of the customer join, keyed by customer_ref: a Customer version (null = tombstone), or a
 * CustomerChange. Lives only inside one sub-topology, so it needs no serde.
 */
public final class CustomerEffect {

    private final Customer customer;
    private final boolean customerChanged;
    private final CustomerChange change;

    private CustomerEffect(Customer customer, boolean customerChanged, CustomerChange change) {
        this.customer = customer;
        this.customerChanged = customerChanged;
        this.change = change;
    }

    public static CustomerEffect version(Customer customer) { return new CustomerEffect(customer, true, null); }

    public static CustomerEffect tombstone() { return new CustomerEffect(null, true, null); }

    public static CustomerEffect change(CustomerChange change) { return new CustomerEffect(null, false, change); }

    public boolean isCustomerVersion() { return customerChanged; }

    public boolean isChange() { return change != null; }

    /** The version, or null for a tombstone. */
    public Customer customer() { return customer; }

    public CustomerChange change() { return change; }
}
