package io.ticketstream.streams.join.customer;

import io.ticketstream.schemas.Customer;
import io.ticketstream.streams.join.JoinDataException;
import io.ticketstream.streams.join.RowReader;
import io.ticketstream.streams.normalize.NormalizedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a customers row into the next {@link Customer} version: a full row replaces the profile
 * (a field the document no longer has becomes null), a partial row overrides only the fields it carries
 * (a carried null means the source removed the field) on top of the previous version.
 */
public final class CustomerRows {

    public static final String CUSTOMERS = "customers";

    private CustomerRows() {
    }

    public static Customer merge(Customer previous, NormalizedRow row) {
        if (row.partial() && previous == null) {
            throw new JoinDataException(CUSTOMERS, row.key(), "<partial>", row.fields().keySet(),
                    "partial update for a customer never seen in full; there is no state to merge it into");
        }
        Customer.Builder next = row.partial() ? Customer.newBuilder(previous) : Customer.newBuilder();
        if (!row.partial() || row.has("customer_ref")) {
            next.setCustomerRef(RowReader.requireString(row, "customer_ref"));
        }
        set(row, "email", () -> next.setEmail(row.getString("email")));
        set(row, "phone", () -> next.setPhone(row.getString("phone")));
        set(row, "first_name", () -> next.setFirstName(row.getString("first_name")));
        set(row, "last_name", () -> next.setLastName(row.getString("last_name")));
        set(row, "date_of_birth", () -> next.setDateOfBirth(RowReader.dateOrNull(row.getDate("date_of_birth"))));
        set(row, "country", () -> next.setCountry(row.getString("country")));
        set(row, "city", () -> next.setCity(row.getString("city")));
        set(row, "email_opt_in", () -> next.setEmailOptIn(row.getBoolean("email_opt_in")));
        set(row, "sms_opt_in", () -> next.setSmsOptIn(row.getBoolean("sms_opt_in")));
        set(row, "favourite_genres", () -> next.setFavouriteGenres(genres(row)));
        set(row, "loyalty_tier", () -> next.setLoyaltyTier(row.getString("loyalty_tier")));
        set(row, "loyalty_points", () -> next.setLoyaltyPoints(row.getLong("loyalty_points")));
        set(row, "created_at", () -> next.setCreatedAt(RowReader.instantOrNull(row.getTimestamp("created_at"))));
        set(row, "updated_at", () -> next.setUpdatedAt(RowReader.instantOrNull(row.getTimestamp("updated_at"))));
        next.setCommitTs(Instant.ofEpochMilli(row.commitTs()));
        try {
            return next.build();
        } catch (RuntimeException e) {
            throw new JoinDataException(CUSTOMERS + " row " + row.key() + ": cannot build Customer: " + e.getMessage());
        }
    }

    /** A full row sets every field (absent = null); a partial row only the fields it carries. */
    private static void set(NormalizedRow row, String field, Runnable setter) {
        if (!row.partial() || row.has(field)) {
            try {
                setter.run();
            } catch (ClassCastException e) {
                throw new JoinDataException(CUSTOMERS, row.key(), field, row.fields().get(field),
                        "unexpected type " + row.fields().get(field).getClass().getSimpleName());
            }
        }
    }

    private static List<String> genres(NormalizedRow row) {
        List<String> genres = row.getStringList("favourite_genres");
        return genres == null ? new ArrayList<>() : new ArrayList<>(genres);
    }
}
