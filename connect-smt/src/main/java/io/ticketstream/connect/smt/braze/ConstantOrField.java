package io.ticketstream.connect.smt.braze;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.connect.smt.util.FieldPath;

/**
 * A text value given either as a constant ({@code event.name=ticket_purchased}) or read from a field
 * ({@code event.name.field=type}): exactly one of the two keys must be set.
 */
final class ConstantOrField {

    private final String constantKey;
    private final String constant;
    private final FieldPath field;

    private ConstantOrField(String constantKey, String constant, FieldPath field) {
        this.constantKey = constantKey;
        this.constant = constant;
        this.field = field;
    }

    /** Reads the pair; neither or both set is a {@link ConfigException} naming the keys. */
    static ConstantOrField from(AbstractConfig config, String constantKey, String fieldKey) {
        String constant = blankToNull(config.getString(constantKey));
        String field = blankToNull(config.getString(fieldKey));
        if (constant == null && field == null) {
            throw new ConfigException(constantKey, null, "set either " + constantKey + " or " + fieldKey);
        }
        if (constant != null && field != null) {
            throw new ConfigException(fieldKey, field, "set either " + constantKey + " (here '" + constant + "') or "
                    + fieldKey + ", not both");
        }
        return new ConstantOrField(constantKey, constant, field == null ? null : FieldPath.parse(fieldKey, field));
    }

    String constant() {
        return constant;
    }

    FieldPath field() {
        return field;
    }

    /** Resolves the field against a schema (null for a constant). */
    FieldPath.Accessor bind(Schema schema) {
        return field == null ? null : field.resolve(schema);
    }

    String get(FieldPath.Accessor accessor, Struct value) {
        return constant != null ? constant : text(accessor.get(value));
    }

    String get(Map<?, ?> value) {
        return constant != null ? constant : text(field.get(value));
    }

    private String text(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            throw new DataException("Field '" + field + "' (" + constantKey + ") is " + BrazeFormats.describe(raw)
                    + ": Braze needs a non-empty value");
        }
        return raw.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
