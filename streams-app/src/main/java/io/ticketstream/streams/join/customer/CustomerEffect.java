package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.streams.join.progress.Watermark;

/**
 * One output of the customer join, keyed by customer_ref: a Customer version (null = tombstone), a
 * CustomerChange, or this task's progress report for the joins that wait for customer versions. Lives only
 * inside one sub-topology, so it needs no serde.
 */
public final class CustomerEffect {

    private final Customer customer;
    private final boolean customerChanged;
    private final CustomerChange change;
    private final Watermark watermark;

    private CustomerEffect(Customer customer, boolean customerChanged, CustomerChange change, Watermark watermark) {
        this.customer = customer;
        this.customerChanged = customerChanged;
        this.change = change;
        this.watermark = watermark;
    }

    public static CustomerEffect version(Customer customer) { return new CustomerEffect(customer, true, null, null); }

    public static CustomerEffect tombstone() { return new CustomerEffect(null, true, null, null); }

    public static CustomerEffect change(CustomerChange change) { return new CustomerEffect(null, false, change, null); }

    public static CustomerEffect watermark(Watermark watermark) { return new CustomerEffect(null, false, null, watermark); }

    public boolean isCustomerVersion() { return customerChanged; }

    public boolean isChange() { return change != null; }

    public boolean isWatermark() { return watermark != null; }

    /** The version, or null for a tombstone. */
    public Customer customer() { return customer; }

    public CustomerChange change() { return change; }

    public Watermark watermark() { return watermark; }
}
