package io.ticketstream.streams.normalize.mapping;

import java.util.List;
import java.util.Set;

/**
 * One entry of a mapping file: where a canonical field comes from in the source row image and how its
 * value is cast.
 *
 * @param target   canonical field name (what the join stage reads)
 * @param source   source path as written in the file, e.g. {@code preferences.email_opt_in}
 * @param path     {@code source} split into segments
 * @param cast     how the value is converted
 * @param required whether a full row (not a delete, not a partial update) must carry a non-null value
 * @param allowed  for {@link Cast#ENUM}: the allowed values; empty otherwise
 */
public record FieldMapping(String target, String source, List<String> path, Cast cast, boolean required, Set<String> allowed) {

    public FieldMapping {
        path = List.copyOf(path);
        allowed = Set.copyOf(allowed);
    }

    public boolean nested() {
        return path.size() > 1;
    }
}
