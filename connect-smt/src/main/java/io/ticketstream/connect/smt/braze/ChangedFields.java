package io.ticketstream.connect.smt.braze;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.connect.smt.util.FieldPath;

/**
 * Turns a record's list of changed field names (CustomerChange.changed_fields) into a bit mask of the
 * mappings to send. A mapping is selected when its source path, or any prefix of it, is listed: listing
 * {@code preferences} selects {@code preferences.email_opt_in} too.
 */
final class ChangedFields {

    private final FieldPath field;
    private final Map<String, Long> bitsByName = new HashMap<>();

    ChangedFields(FieldPath field) {
        this.field = field;
    }

    FieldPath field() {
        return field;
    }

    /** Registers the source path of the mapping that owns {@code bit}. */
    void register(FieldPath source, int bit) {
        String[] parts = source.path().split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            if (prefix.length() > 0) {
                prefix.append('.');
            }
            prefix.append(part);
            bitsByName.merge(prefix.toString(), 1L << bit, (a, b) -> a | b);
        }
    }

    /** The bits of every mapping selected by the listed names; unknown names select nothing. */
    long select(Object listed) {
        if (!(listed instanceof Collection)) {
            throw new DataException("Field '" + field + "' (the list of changed fields) is " + BrazeFormats.describe(listed)
                    + ", not a list of field names");
        }
        long mask = 0L;
        for (Object name : (Collection<?>) listed) {
            if (name != null) {
                Long bits = bitsByName.get(name.toString());
                if (bits != null) {
                    mask |= bits;
                }
            }
        }
        return mask;
    }
}
