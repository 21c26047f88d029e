package io.ticketstream.connect.smt.util;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.transforms.util.SchemaUtil;

/** Small schema helpers the transforms share. */
public final class Schemas {

    private Schemas() {
    }

    /**
     * An optional copy of {@code schema} (same type, logical name and parameters, no default), for an
     * output field that may carry null. Struct, array and map schemas are returned as they are: values
     * of those types are checked against their schema instance, so only an already optional one can
     * carry null (the caller checks {@link Schema#isOptional()}).
     */
    public static Schema optional(Schema schema) {
        if (schema.isOptional() && schema.defaultValue() == null) {
            return schema;
        }
        switch (schema.type()) {
            case STRUCT:
            case ARRAY:
            case MAP:
                return schema;
            default:
                SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, new SchemaBuilder(schema.type()));
                return builder.optional().build();
        }
    }

    /** Copies every field of {@code source} into {@code builder}. */
    public static SchemaBuilder copyFields(Schema source, SchemaBuilder builder) {
        for (Field field : source.fields()) {
            builder.field(field.name(), field.schema());
        }
        return builder;
    }
}
