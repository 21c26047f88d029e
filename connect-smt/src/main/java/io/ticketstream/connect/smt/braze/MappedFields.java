package io.ticketstream.connect.smt.braze;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.connect.smt.util.FieldMapping;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Schemas;

/**
 * A list of {@code source -> target} mappings and how each value is rendered for Braze. For schema'd
 * records it is {@link #bind bound} once per input schema: the accessors and converters are chosen then,
 * so a record costs one array walk and one conversion per field.
 */
final class MappedFields {

    private final List<FieldMapping> mappings;
    private final Rendering[] renderings;

    MappedFields(List<FieldMapping> mappings, Function<String, Rendering> renderingOfTarget) {
        this.mappings = List.copyOf(mappings);
        this.renderings = new Rendering[mappings.size()];
        for (int i = 0; i < renderings.length; i++) {
            renderings[i] = renderingOfTarget.apply(mappings.get(i).target());
        }
    }

    int size() {
        return mappings.size();
    }

    FieldMapping mapping(int i) {
        return mappings.get(i);
    }

    /** The converted value of mapping {@code i} read from a schemaless map (null stays null). */
    Object read(int i, Map<?, ?> value) {
        FieldPath source = mappings.get(i).source();
        Object raw = source.get(value);
        if (raw == null) {
            return null;
        }
        if (renderings[i] == Rendering.DATE) {
            return BrazeFormats.isoDate(source.path(), raw);
        }
        if (raw instanceof Date || raw instanceof Instant || raw instanceof OffsetDateTime
                || raw instanceof ZonedDateTime || raw instanceof LocalDate) {
            return BrazeFormats.isoTime(source.path(), raw);
        }
        return raw;
    }

    Bound bind(Schema schema) {
        return new Bound(schema);
    }

    /** The mappings bound to one input schema. */
    final class Bound {
        private final FieldPath.Accessor[] accessors;
        private final Converter[] converters;
        private final Schema[] schemas;

        private Bound(Schema input) {
            int n = mappings.size();
            accessors = new FieldPath.Accessor[n];
            converters = new Converter[n];
            schemas = new Schema[n];
            for (int i = 0; i < n; i++) {
                accessors[i] = mappings.get(i).source().resolve(input);
                Schema leaf = accessors[i].schema();
                String path = mappings.get(i).source().path();
                converters[i] = converter(path, leaf, renderings[i]);
                schemas[i] = converters[i] == IDENTITY ? Schemas.optional(leaf) : Schema.OPTIONAL_STRING_SCHEMA;
            }
        }

        /** The converted value of mapping {@code i} (null stays null). */
        Object read(int i, Struct value) {
            Object raw = accessors[i].get(value);
            return raw == null ? null : converters[i].convert(raw);
        }

        /** The output schema of mapping {@code i}; only an optional one may carry null. */
        Schema schema(int i) {
            return schemas[i];
        }
    }

    @FunctionalInterface
    private interface Converter {
        Object convert(Object raw);
    }

    private static final Converter IDENTITY = raw -> raw;

    private static Converter converter(String path, Schema leaf, Rendering rendering) {
        String logical = leaf.name();
        boolean dateLike = org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)
                || Timestamp.LOGICAL_NAME.equals(logical);
        if (rendering == Rendering.DATE) {
            if (dateLike || leaf.type() == Schema.Type.STRING || (leaf.type() == Schema.Type.INT32 && logical == null)) {
                return raw -> BrazeFormats.isoDate(path, raw);
            }
            throw new DataException("Field '" + path + "' is of type " + (logical == null ? leaf.type() : logical)
                    + ", which cannot be written as a Braze date (YYYY-MM-DD): use a Date, Timestamp, "
                    + "int (epoch days) or YYYY-MM-DD string field");
        }
        if (dateLike) {
            return raw -> BrazeFormats.isoTime(path, raw);
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return raw -> BrazeFormats.isoLocalTime(path, raw);
        }
        return IDENTITY;
    }
}
