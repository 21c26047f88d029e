package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes the {@link CustomerChange} between two Customer versions.
 *
 * <p>Braze-visible attributes are exactly the attribute fields of CustomerChange: contact, identity,
 * location, opt-ins, favourite genres, loyalty tier AND loyalty points (points drive Braze segments and
 * messages). created_at, updated_at and commit_ts are not visible: Braze bills per data point, and a
 * touch that only moves updated_at must cost nothing.
 */
public final class BrazeVisibleChanges {

    /** Avro field names shared by Customer and CustomerChange, in schema order. */
    public static final List<String> VISIBLE_FIELDS = List.of(
            "email", "phone", "first_name", "last_name", "date_of_birth", "country", "city",
            "email_opt_in", "sms_opt_in", "favourite_genres", "loyalty_tier", "loyalty_points");

    private BrazeVisibleChanges() {
    }

    /**
     * @param previous the previous version, or null when this customer_ref is seen for the first time
     * @return the change, or null when no visible attribute changed
     */
    public static CustomerChange between(Customer previous, Customer next) {
        List<String> changed = new ArrayList<>();
        for (String field : VISIBLE_FIELDS) {
            if (previous == null || !Objects.equals(previous.get(field), next.get(field))) {
                changed.add(field);
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        CustomerChange change = CustomerChange.newBuilder()
                .setCustomerRef(next.getCustomerRef())
                .setFirstSeen(previous == null)
                .setChangedFields(changed)
                .setCommitTs(next.getCommitTs())
                .build();
        for (String field : changed) {
            Object value = next.get(field);
            change.put(field, value instanceof List ? new ArrayList<>((List<?>) value) : value);
        }
        return change;
    }
}
