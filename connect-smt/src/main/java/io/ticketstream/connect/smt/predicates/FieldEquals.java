package io.ticketstream.connect.smt.predicates;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * True when a field of the record value (or key) has one of the given values, compared as text: e.g.
 * {@code field=type, values=SALE} matches TicketSale SALE facts, so a connector can route SALE records to
 * the event and purchase transforms and leave REVERSAL ones alone. A tombstone, a missing field or a
 * null never matches (use {@code negate} for the opposite).
 */
public abstract class FieldEquals<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {

    public static final String OVERVIEW_DOC = "A predicate that is true when a field (dotted path) of the record "
            + "value (<code>" + FieldEquals.class.getName() + "$Value</code>) or key (<code>"
            + FieldEquals.class.getName() + "$Key</code>) has one of the listed values, compared as text "
            + "(enums by symbol, numbers by decimal text). Tombstones, missing fields and nulls never match.";

    public interface ConfigName {
        String FIELD = "field";
        String VALUES = "values";
    }

    private static final String FIELD_DOC = "Field (dotted path) to compare, e.g. type.";
    private static final String VALUES_DOC = "Comma-separated values; the predicate is true when the field equals any.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ConfigName.FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, FIELD_DOC)
            .define(ConfigName.VALUES, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                    VALUES_DOC);

    private FieldPath field;
    private Set<String> values;
    /** Per schema: the accessor, or empty when the schema has no such field (cached too: no exception per record). */
    private SchemaCache<Schema, Optional<FieldPath.Accessor>> accessors;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        field = FieldPath.parse(ConfigName.FIELD, config.getString(ConfigName.FIELD));
        List<String> listed = config.getList(ConfigName.VALUES);
        if (listed.isEmpty()) {
            throw new ConfigException(ConfigName.VALUES, "", "list at least one value to match");
        }
        values = new HashSet<>(listed);
        accessors = new SchemaCache<>(16, this::resolve);
    }

    @Override
    public boolean test(R record) {
        Object data = operatingValue(record);
        Object actual;
        if (data instanceof Struct) {
            Struct struct = (Struct) data;
            Optional<FieldPath.Accessor> accessor = accessors.get(struct.schema());
            if (accessor.isEmpty()) {
                return false;
            }
            actual = accessor.get().get(struct);
        } else if (data instanceof Map) {
            actual = field.get((Map<?, ?>) data);
        } else {
            return false;
        }
        return actual != null && values.contains(actual.toString());
    }

    /** A record without the field does not match; it is not an error (topics may mix record types). */
    private Optional<FieldPath.Accessor> resolve(Schema schema) {
        try {
            return Optional.of(field.resolve(schema));
        } catch (DataException e) {
            return Optional.empty();
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        accessors = null;
    }

    protected abstract Object operatingValue(R record);

    /** Tests a field of the record key. */
    public static class Key<R extends ConnectRecord<R>> extends FieldEquals<R> {
        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }
    }

    /** Tests a field of the record value. */
    public static class Value<R extends ConnectRecord<R>> extends FieldEquals<R> {
        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }
    }
}
