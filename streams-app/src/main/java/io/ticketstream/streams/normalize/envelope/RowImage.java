package io.ticketstream.streams.normalize.envelope;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The row data of one change event, seen through source paths. Three kinds, because "absent" means
 * different things in each:
 * <ul>
 *   <li>{@link Kind#FULL}: the whole row after the change; a path the document lacks is null (MongoDB) or a
 *       mapping error (relational rows always list every column).</li>
 *   <li>{@link Kind#DELETE}: the before image, which may hold only key columns (PostgreSQL's default
 *       replica identity) or be missing (MongoDB); only non-null values count.</li>
 *   <li>{@link Kind#PARTIAL}: only the fields a MongoDB update changed or removed.</li>
 * </ul>
 * The record key's columns fill in key fields that an image lacks.
 */
public final class RowImage {

    public enum Kind { FULL, DELETE, PARTIAL }

    /** Answer of {@link #find}: {@code value} is a JsonNode (maybe NullNode) when {@code state == VALUE}. */
    public record Lookup(State state, JsonNode value, String detail) {
        public enum State {
            VALUE,
            /** The image says nothing about the path. */
            ABSENT,
            /** The path changed, but only in part (an array element, a truncated array): its new value is unknown. */
            UNKNOWN
        }

        static Lookup value(JsonNode node) {
            return new Lookup(State.VALUE, node == null ? NullNode.getInstance() : node, null);
        }

        static final Lookup ABSENT = new Lookup(State.ABSENT, null, null);

        static Lookup unknown(String detail) {
            return new Lookup(State.UNKNOWN, null, detail);
        }
    }

    private final Kind kind;
    private final ObjectNode doc;
    private final ObjectNode keyImage;
    private final List<String> removed;
    private final List<String> truncated;

    private RowImage(Kind kind, ObjectNode doc, ObjectNode keyImage, List<String> removed, List<String> truncated) {
        this.kind = kind;
        this.doc = doc;
        this.keyImage = keyImage;
        this.removed = List.copyOf(removed);
        this.truncated = List.copyOf(truncated);
    }

    public static RowImage full(ObjectNode after, ObjectNode keyImage) {
        return new RowImage(Kind.FULL, after, keyImage, List.of(), List.of());
    }

    /** @param before the before image, or null when the source gives none (MongoDB deletes) */
    public static RowImage delete(ObjectNode before, ObjectNode keyImage) {
        return new RowImage(Kind.DELETE, before, keyImage, List.of(), List.of());
    }

    /**
     * @param updated   {@code updateDescription.updatedFields}: keys are dotted paths
     * @param removed   {@code updateDescription.removedFields}
     * @param truncated fields named by {@code updateDescription.truncatedArrays}
     */
    public static RowImage partial(ObjectNode updated, List<String> removed, List<String> truncated, ObjectNode keyImage) {
        return new RowImage(Kind.PARTIAL, updated, keyImage, removed, truncated);
    }

    public Kind kind() {
        return kind;
    }

    public Lookup find(List<String> path) {
        return kind == Kind.PARTIAL ? findPartial(path) : findNested(path);
    }

    private Lookup findNested(List<String> path) {
        JsonNode node = doc;
        for (int i = 0; node != null && i < path.size(); i++) {
            if (!node.isObject()) {
                // e.g. "preferences" is a string: the path cannot be followed; report the blocking value.
                return Lookup.unknown(String.join(".", path.subList(0, i)) + " is not an object");
            }
            node = node.get(path.get(i));
        }
        if (node == null) {
            JsonNode fromKey = fromKey(path);
            return fromKey != null ? Lookup.value(fromKey) : Lookup.ABSENT;
        }
        if (node.isNull() && kind == Kind.DELETE) {
            JsonNode fromKey = fromKey(path);
            return fromKey != null ? Lookup.value(fromKey) : Lookup.ABSENT;
        }
        return Lookup.value(node);
    }

    private Lookup findPartial(List<String> path) {
        String dotted = String.join(".", path);
        for (String t : truncated) {
            if (covers(t, dotted) || covers(dotted, t)) {
                return Lookup.unknown("array " + t + " was truncated");
            }
        }
        for (var it = doc.fields(); it.hasNext(); ) {
            var entry = it.next();
            String changed = entry.getKey();
            if (changed.equals(dotted)) {
                return Lookup.value(entry.getValue());
            }
            if (dotted.startsWith(changed + ".")) {
                // A parent was replaced: the field's new value is inside it, or the field is gone (null).
                JsonNode node = entry.getValue();
                for (String segment : path.subList(changed.split("\\.").length, path.size())) {
                    node = node != null && node.isObject() ? node.get(segment) : null;
                }
                return Lookup.value(node);
            }
            if (changed.startsWith(dotted + ".")) {
                return Lookup.unknown(changed + " changed inside " + dotted);
            }
        }
        for (String gone : removed) {
            if (covers(gone, dotted)) {
                return Lookup.value(NullNode.getInstance());
            }
            if (gone.startsWith(dotted + ".")) {
                return Lookup.unknown(gone + " was removed inside " + dotted);
            }
        }
        JsonNode fromKey = fromKey(path);
        return fromKey != null ? Lookup.value(fromKey) : Lookup.ABSENT;
    }

    /** Whether {@code outer} is {@code inner} or one of its parents. */
    private static boolean covers(String outer, String inner) {
        return inner.equals(outer) || inner.startsWith(outer + ".");
    }

    private JsonNode fromKey(List<String> path) {
        if (keyImage == null || path.size() != 1) {
            return null;
        }
        JsonNode value = keyImage.get(path.get(0));
        return value == null || value.isNull() ? null : value;
    }
}
