package io.ticketstream.connect.converter;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.connect.errors.DataException;

/** Small facts about Avro schemas shared by both directions of the conversion. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    /** The X of a {@code ["null", X]} union, or null when the schema is not such a union. */
    static Schema optionalBranch(Schema schema, String path) {
        if (schema.getType() != Schema.Type.UNION) {
            return null;
        }
        Schema nonNull = null;
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            if (nonNull != null || schema.getTypes().size() != 2) {
                // Connect has no union type; the canonical contract only uses ["null", X].
                throw new DataException("field '" + path + "': Avro union " + schema
                        + " is not supported, only [\"null\", X] (an optional X)");
            }
            nonNull = branch;
        }
        return nonNull;
    }

    static boolean is(Schema schema, Class<? extends LogicalType> logicalType) {
        return logicalType.isInstance(schema.getLogicalType());
    }

    static LogicalTypes.Decimal decimal(Schema schema) {
        return (LogicalTypes.Decimal) schema.getLogicalType();
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
