package io.ticketstream.connect.smt.util;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A dotted path to a (possibly nested) field, e.g. {@code preferences.email_opt_in}. Reads from a
 * schemaless {@link Map} directly, or from a {@link Struct} through an {@link Accessor} resolved once
 * per schema (so the per-record work is an array walk, not a name lookup per segment).
 *
 * <p>A null on the way (e.g. {@code customer} is null in {@code customer.email}) reads as null:
 * optional nested records are common in the canonical schemas.
 */
public final class FieldPath {

    private final String path;
    private final String[] segments;

    private FieldPath(String path, String[] segments) {
        this.path = path;
        this.segments = segments;
    }

    /** Parses {@code text}; a malformed path is a {@link ConfigException} naming {@code configName}. */
    public static FieldPath parse(String configName, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(configName, text, "a field path must not be empty");
        }
        String trimmed = text.trim();
        String[] segments = trimmed.split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new ConfigException(configName, text,
                        "a field path is field names separated by single dots, with no empty segment");
            }
        }
        return new FieldPath(trimmed, segments);
    }

    public String path() {
        return path;
    }

    /** The first segment: the top-level field this path starts from. */
    public String root() {
        return segments[0];
    }

    /** The last segment: the name of the field the path points at. */
    public String leafName() {
        return segments[segments.length - 1];
    }

    public boolean isNested() {
        return segments.length > 1;
    }

    String[] segments() {
        return segments;
    }

    /** Reads the value at this path from a schemaless map; null when any step is missing or null. */
    public Object get(Map<?, ?> map) {
        Object current = map;
        for (int i = 0; i < segments.length; i++) {
            if (current == null) {
                return null;
            }
            if (!(current instanceof Map)) {
                throw new DataException("Field path '" + path + "': '" + String.join(".", Arrays.copyOf(segments, i))
                        + "' is a " + current.getClass().getSimpleName() + ", not a map, so it has no field '"
                        + segments[i] + "'");
            }
            current = ((Map<?, ?>) current).get(segments[i]);
        }
        return current;
    }

    /** Resolves this path against {@code schema}; a missing field is a {@link DataException} naming both. */
    public Accessor resolve(Schema schema) {
        Field[] fields = new Field[segments.length];
        Schema current = schema;
        for (int i = 0; i < segments.length; i++) {
            if (current.type() != Schema.Type.STRUCT) {
                throw new DataException("Field path '" + path + "': '" + String.join(".", Arrays.copyOf(segments, i))
                        + "' is of type " + current.type() + ", not a struct, so it has no field '" + segments[i] + "'");
            }
            Field field = current.field(segments[i]);
            if (field == null) {
                throw new DataException("Field path '" + path + "': no field '" + segments[i] + "' in schema "
                        + describe(current) + " (fields: " + current.fields().stream().map(Field::name).toList() + ")");
            }
            fields[i] = field;
            current = field.schema();
        }
        return new Accessor(this, fields);
    }

    private static String describe(Schema schema) {
        return schema.name() == null ? "(unnamed struct)" : "'" + schema.name() + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath && ((FieldPath) o).path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path);
    }

    @Override
    public String toString() {
        return path;
    }

    /** A path bound to one struct schema. */
    public static final class Accessor {
        private final FieldPath path;
        private final Field[] fields;

        private Accessor(FieldPath path, Field[] fields) {
            this.path = path;
            this.fields = fields;
        }

        public FieldPath path() {
            return path;
        }

        /** The schema of the field the path points at. */
        public Schema schema() {
            return fields[fields.length - 1].schema();
        }

        /** True when some step of the path may be null (then the leaf may be null although its schema is required). */
        public boolean mayBeNull() {
            for (Field field : fields) {
                if (field.schema().isOptional()) {
                    return true;
                }
            }
            return false;
        }

        public Object get(Struct struct) {
            Object current = struct;
            for (Field field : fields) {
                if (current == null) {
                    return null;
                }
                current = ((Struct) current).get(field);
            }
            return current;
        }
    }
}
