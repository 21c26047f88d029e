package io.ticketstream.connect.smt.braze;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import io.ticketstream.connect.smt.util.FieldMapping;

/**
 * The {@code properties} object of an event or purchase: chosen fields, nested allowed, renamed as
 * configured. A null property is left out (Braze has nothing to record for it).
 */
final class PropertyMappings {

    static final String CONFIG = "properties";
    private static final String DOC = "Properties to send: comma-separated 'source.path' or 'source.path:property' "
            + "entries (dotted paths reach nested fields; without ':property' the name is the path with dots as "
            + "underscores). Dates and times become ISO-8601, decimals stay exact; null values are left out.";
    static final int MAX = 62;

    private final MappedFields fields;

    private PropertyMappings(MappedFields fields) {
        this.fields = fields;
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(CONFIG, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM, DOC);
    }

    static PropertyMappings from(AbstractConfig config) {
        List<String> entries = config.getList(CONFIG);
        if (entries.size() > MAX) {
            throw new org.apache.kafka.common.config.ConfigException(CONFIG, String.valueOf(entries.size()),
                    "at most " + MAX + " properties per transform");
        }
        return new PropertyMappings(new MappedFields(FieldMapping.parseAll(CONFIG, entries, java.util.Set.of()),
                target -> Rendering.DEFAULT));
    }

    boolean isEmpty() {
        return fields.size() == 0;
    }

    Bound bind(Schema input) {
        return new Bound(fields.bind(input));
    }

    /** The schemaless properties map, or null when no property has a value. */
    Map<String, Object> read(Map<?, ?> value) {
        Map<String, Object> out = null;
        for (int i = 0; i < fields.size(); i++) {
            Object v = fields.read(i, value);
            if (v != null) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(fields.mapping(i).target(), v);
            }
        }
        return out;
    }

    /** The properties bound to one input schema. */
    final class Bound {
        private final MappedFields.Bound bound;

        private Bound(MappedFields.Bound bound) {
            this.bound = bound;
        }

        /** Reads every property into {@code values}; returns the mask of those that are not null. */
        long read(Struct value, Object[] values) {
            long mask = 0L;
            for (int i = 0; i < values.length; i++) {
                Object v = bound.read(i, value);
                if (v != null) {
                    values[i] = v;
                    mask |= 1L << i;
                }
            }
            return mask;
        }

        int size() {
            return fields.size();
        }

        /** The properties struct schema for a mask of present properties. */
        Schema schema(long mask) {
            SchemaBuilder builder = SchemaBuilder.struct().name("io.ticketstream.braze.Properties").optional();
            for (int i = 0; i < fields.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                    builder.field(fields.mapping(i).target(), bound.schema(i));
                }
            }
            return builder.build();
        }

        Struct build(Schema schema, long mask, Object[] values) {
            Struct out = new Struct(schema);
            for (int i = 0; i < values.length; i++) {
                if ((mask & (1L << i)) != 0) {
                    out.put(fields.mapping(i).target(), values[i]);
                }
            }
            return out;
        }
    }
}
