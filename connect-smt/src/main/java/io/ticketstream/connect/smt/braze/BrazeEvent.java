package io.ticketstream.connect.smt.braze;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Shapes a record into a Braze custom event (the Braze sink's {@code braze_type=event}). Value only.
 */
public abstract class BrazeEvent<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Shapes the record value into a Braze custom event: braze_type=event, "
            + "the user identifier, name (a constant or a field), time (ISO-8601, from a field or the record "
            + "timestamp) and properties from chosen fields."
            + "<p/>Use the concrete transformation type designed for the record value (<code>"
            + BrazeEvent.class.getName() + "$Value</code>).";

    public interface ConfigName {
        String NAME = "event.name";
        String NAME_FIELD = "event.name.field";
        String TIME_FIELD = EventTime.FIELD_CONFIG;
        String PROPERTIES = PropertyMappings.CONFIG;
    }

    private static final String NAME_DOC = "The event name, the same for every record (e.g. ticket_purchased). "
            + "Set this or event.name.field.";
    private static final String NAME_FIELD_DOC = "Field (dotted path) holding the event name. Set this or event.name.";

    public static final ConfigDef CONFIG_DEF = PropertyMappings.define(EventTime.define(UserIdentifier.define(new ConfigDef())
            .define(ConfigName.NAME, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, NAME_DOC)
            .define(ConfigName.NAME_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, NAME_FIELD_DOC)));

    private static final String PURPOSE = "shaping a record into a Braze event";

    private UserIdentifier identifier;
    private ConstantOrField name;
    private EventTime time;
    private PropertyMappings properties;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        identifier = UserIdentifier.from(config);
        name = ConstantOrField.from(config, ConfigName.NAME, ConfigName.NAME_FIELD);
        time = EventTime.from(config);
        properties = PropertyMappings.from(config);
        plans = new SchemaCache<>(16, Plan::new);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value == null) {
            return record;
        }
        if (record.valueSchema() == null) {
            return applySchemaless(record, requireMap(value, PURPOSE));
        }
        return applyWithSchema(record, requireStruct(value, PURPOSE));
    }

    private R applyWithSchema(R record, Struct value) {
        Plan plan = plans.get(value.schema());
        Object[] values = new Object[plan.properties.size()];
        long mask = plan.properties.read(value, values);
        Schema schema = plan.shapes.get(mask);
        Struct out = new Struct(schema)
                .put(BrazeContract.TYPE, BrazeType.EVENT.wireName())
                .put(identifier.key(), identifier.forStruct(plan.id.get(value)))
                .put(BrazeContract.NAME, name.get(plan.name, value))
                .put(BrazeContract.TIME, time.get(plan.time, value, record));
        if (mask != 0) {
            Schema propertiesSchema = schema.field(BrazeContract.PROPERTIES).schema();
            out.put(BrazeContract.PROPERTIES, plan.properties.build(propertiesSchema, mask, values));
        }
        return newRecord(record, schema, out);
    }

    private R applySchemaless(R record, Map<String, Object> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(BrazeContract.TYPE, BrazeType.EVENT.wireName());
        out.put(identifier.key(), identifier.forMap(identifier.field().get(value)));
        out.put(BrazeContract.NAME, name.get(value));
        out.put(BrazeContract.TIME, time.get(value, record));
        Map<String, Object> props = properties.read(value);
        if (props != null) {
            out.put(BrazeContract.PROPERTIES, props);
        }
        return newRecord(record, null, out);
    }

    /** Everything derived from one input schema. */
    private final class Plan {
        final FieldPath.Accessor id;
        final FieldPath.Accessor name;
        final FieldPath.Accessor time;
        final PropertyMappings.Bound properties;
        final ShapeCache shapes;

        Plan(Schema input) {
            id = identifier.field().resolve(input);
            name = BrazeEvent.this.name.bind(input);
            time = BrazeEvent.this.time.bind(input);
            properties = BrazeEvent.this.properties.bind(input);
            shapes = new ShapeCache(this::schemaOf);
        }

        private Schema schemaOf(long mask) {
            SchemaBuilder builder = SchemaBuilder.struct().name("io.ticketstream.braze.Event")
                    .field(BrazeContract.TYPE, Schema.STRING_SCHEMA)
                    .field(identifier.key(), identifier.schema())
                    .field(BrazeContract.NAME, Schema.STRING_SCHEMA)
                    .field(BrazeContract.TIME, Schema.STRING_SCHEMA);
            if (mask != 0) {
                builder.field(BrazeContract.PROPERTIES, properties.schema(mask));
            }
            return builder.build();
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
        plans = null;
    }

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Shapes the record value. */
    public static class Value<R extends ConnectRecord<R>> extends BrazeEvent<R> {
        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withValue(record, updatedSchema, updatedValue);
        }
    }
}
