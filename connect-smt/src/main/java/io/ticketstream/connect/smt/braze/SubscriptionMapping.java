package io.ticketstream.connect.smt.braze;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.connect.smt.util.FieldMapping;
import io.ticketstream.connect.smt.util.FieldPath;

/**
 * One {@code boolean.field:subscription_group_id} entry: true means subscribed, false unsubscribed,
 * null means "not known", so no change is sent. A leading {@code !} inverts the field, for opt-out flags
 * ({@code !marketing_opt_out:<group id>}).
 */
final class SubscriptionMapping {

    private final FieldPath source;
    private final String groupId;
    private final boolean inverted;

    private SubscriptionMapping(FieldPath source, String groupId, boolean inverted) {
        this.source = source;
        this.groupId = groupId;
        this.inverted = inverted;
    }

    FieldPath source() {
        return source;
    }

    String groupId() {
        return groupId;
    }

    static List<SubscriptionMapping> parseAll(String configName, List<String> entries) {
        List<SubscriptionMapping> result = new ArrayList<>(entries.size());
        Set<String> groups = new HashSet<>();
        for (String entry : entries) {
            String text = entry == null ? "" : entry.trim();
            boolean inverted = text.startsWith("!");
            if (inverted) {
                text = text.substring(1);
            }
            if (text.indexOf(':') < 0) {
                throw new ConfigException(configName, entry,
                        "an entry is 'boolean.field:subscription_group_id' (prefix '!' to invert an opt-out flag)");
            }
            FieldMapping mapping = FieldMapping.parse(configName, text);
            if (!groups.add(mapping.target())) {
                throw new ConfigException(configName, entry, "the subscription group '" + mapping.target()
                        + "' is set by more than one entry");
            }
            result.add(new SubscriptionMapping(mapping.source(), mapping.target(), inverted));
        }
        return result;
    }

    /** The subscription state for a field value: "subscribed", "unsubscribed", or null for no change. */
    String state(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean)) {
            throw new DataException("Field '" + source + "': " + BrazeFormats.describe(value)
                    + " is not a boolean, so it cannot set subscription group " + groupId);
        }
        return BrazeContract.state((Boolean) value != inverted);
    }
}
