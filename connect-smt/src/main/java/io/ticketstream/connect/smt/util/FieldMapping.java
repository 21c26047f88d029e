package io.ticketstream.connect.smt.util;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;

/**
 * One {@code source.path:target} entry of a mapping list, e.g. {@code date_of_birth:dob} or
 * {@code preferences.favourite_genres:favourite_genres}. Without {@code :target}, the target is the
 * path with dots replaced by underscores ({@code loyalty.tier} becomes {@code loyalty_tier}), so two
 * nested fields with the same leaf name never collide silently.
 */
public final class FieldMapping {

    private final FieldPath source;
    private final String target;

    public FieldMapping(FieldPath source, String target) {
        this.source = source;
        this.target = target;
    }

    public FieldPath source() {
        return source;
    }

    public String target() {
        return target;
    }

    /** Parses one entry; a malformed one is a {@link ConfigException} naming the key and the entry. */
    public static FieldMapping parse(String configName, String entry) {
        String text = entry == null ? "" : entry.trim();
        int colon = text.indexOf(':');
        if (colon < 0) {
            FieldPath source = FieldPath.parse(configName, text);
            return new FieldMapping(source, source.path().replace('.', '_'));
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw new ConfigException(configName, entry, "an entry is 'source.path' or 'source.path:target', with one colon");
        }
        String target = text.substring(colon + 1).trim();
        if (target.isEmpty()) {
            throw new ConfigException(configName, entry, "the target after ':' must not be empty");
        }
        return new FieldMapping(FieldPath.parse(configName, text.substring(0, colon)), target);
    }

    /**
     * Parses every entry and rejects two entries writing the same target, or a target that is one of
     * {@code reserved} (names the transform writes itself).
     */
    public static List<FieldMapping> parseAll(String configName, List<String> entries, Set<String> reserved) {
        List<FieldMapping> mappings = new ArrayList<>(entries.size());
        Set<String> targets = new HashSet<>();
        for (String entry : entries) {
            FieldMapping mapping = parse(configName, entry);
            if (reserved.contains(mapping.target())) {
                throw new ConfigException(configName, entry, "the target '" + mapping.target()
                        + "' is written by the transform itself (reserved: " + reserved + ")");
            }
            if (!targets.add(mapping.target())) {
                throw new ConfigException(configName, entry, "the target '" + mapping.target()
                        + "' is written by more than one entry");
            }
            mappings.add(mapping);
        }
        return mappings;
    }

    @Override
    public String toString() {
        return source + ":" + target;
    }
}
