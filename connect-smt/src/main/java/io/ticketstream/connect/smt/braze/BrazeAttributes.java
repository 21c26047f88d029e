package io.ticketstream.connect.smt.braze;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.smt.Version;
import io.ticketstream.connect.smt.util.FieldMapping;
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Shapes a record into a Braze user attributes object (the Braze sink's {@code braze_type=attributes}).
 * Value only: the sink reads the record value; the key stays as it is.
 */
public abstract class BrazeAttributes<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Shapes the record value into a Braze user attributes object: "
            + "braze_type=attributes, the user identifier, the mapped attributes (standard ones such as dob in "
            + "Braze's formats, dates and times as ISO-8601) and optionally subscription_groups from boolean fields. "
            + "With changed.fields.field, only the listed fields are sent, and a listed null removes the attribute."
            + "<p/>Use the concrete transformation type designed for the record value (<code>"
            + BrazeAttributes.class.getName() + "$Value</code>).";

    public interface ConfigName {
        String ATTRIBUTES = "attributes";
        String NULL_HANDLING = "null.handling";
        String CHANGED_FIELDS_FIELD = "changed.fields.field";
        String SUBSCRIPTION_GROUPS = "subscription.groups";
        String EMPTY_HANDLING = "empty.handling";
        String UPDATE_EXISTING_ONLY = "update.existing.only";
    }

    private static final String ATTRIBUTES_DOC = "Attributes to send: comma-separated 'source.path' or "
            + "'source.path:attribute' entries (dotted paths reach nested fields; without ':attribute' the name is the "
            + "path with dots as underscores). Braze standard attributes keep their format: dob is written YYYY-MM-DD, "
            + "gender and email_subscribe/push_subscribe are checked against Braze's values; every other name is a "
            + "custom attribute (dates and times as ISO-8601 in UTC, arrays and nested structs as they are).";

    public static final String NULL_HANDLING_OMIT = "omit";
    public static final String NULL_HANDLING_REMOVE = "remove";
    public static final String NULL_HANDLING_DEFAULT = NULL_HANDLING_OMIT;
    private static final String NULL_HANDLING_DOC = "What a null attribute value does when no changed.fields.field is "
            + "set: 'omit' leaves the attribute as it is in Braze, 'remove' removes it (schemaless: the key with null; "
            + "Struct: its name in braze_unset). With changed.fields.field, a listed null always removes the "
            + "attribute (the change record says the value was removed).";

    private static final String CHANGED_FIELDS_DOC = "Field (an array of field names, e.g. changed_fields of "
            + "CustomerChange) listing what changed. When set, only attributes and subscription groups whose source "
            + "field (or a parent of it) is listed are sent: unchanged attributes cost no Braze data points.";

    private static final String SUBSCRIPTION_GROUPS_DOC = "Subscription groups set inside the attributes object: "
            + "comma-separated 'boolean.field:subscription_group_id' entries; true sends subscribed, false unsubscribed, "
            + "null nothing. Prefix '!' for an opt-out flag (true = unsubscribed). Pass group ids with ${env:...} if "
            + "they differ per environment.";

    public static final String EMPTY_DROP = "drop";
    public static final String EMPTY_KEEP = "keep";
    public static final String EMPTY_HANDLING_DEFAULT = EMPTY_DROP;
    private static final String EMPTY_HANDLING_DOC = "What happens to a record with no attribute and no subscription "
            + "change to send (e.g. only an unmapped field changed): 'drop' filters it out (nothing to tell Braze), "
            + "'keep' forwards an object with only the identifier (Braze creates the user if it does not exist).";

    public static final boolean UPDATE_EXISTING_ONLY_DEFAULT = false;
    private static final String UPDATE_EXISTING_ONLY_DOC = "When true, objects carry _update_existing_only=true: "
            + "Braze updates users that exist and never creates one.";

    public static final ConfigDef CONFIG_DEF = UserIdentifier.define(new ConfigDef())
            .define(ConfigName.ATTRIBUTES, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH, ATTRIBUTES_DOC)
            .define(ConfigName.NULL_HANDLING, ConfigDef.Type.STRING, NULL_HANDLING_DEFAULT,
                    ConfigDef.ValidString.in(NULL_HANDLING_OMIT, NULL_HANDLING_REMOVE), ConfigDef.Importance.MEDIUM,
                    NULL_HANDLING_DOC)
            .define(ConfigName.CHANGED_FIELDS_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    CHANGED_FIELDS_DOC)
            .define(ConfigName.SUBSCRIPTION_GROUPS, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM,
                    SUBSCRIPTION_GROUPS_DOC)
            .define(ConfigName.EMPTY_HANDLING, ConfigDef.Type.STRING, EMPTY_HANDLING_DEFAULT,
                    ConfigDef.ValidString.in(EMPTY_DROP, EMPTY_KEEP), ConfigDef.Importance.LOW, EMPTY_HANDLING_DOC)
            .define(ConfigName.UPDATE_EXISTING_ONLY, ConfigDef.Type.BOOLEAN, UPDATE_EXISTING_ONLY_DEFAULT,
                    ConfigDef.Importance.LOW, UPDATE_EXISTING_ONLY_DOC);

    private static final String PURPOSE = "shaping a record into a Braze attributes object";
    /** Shape bits: one per attribute, one per subscription group, the top one for braze_unset. */
    private static final int MAX_MAPPINGS = 62;
    private static final long UNSET_BIT = 1L << 63;
    private static final Schema UNSET_SCHEMA = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();

    static final Schema SUBSCRIPTION_SCHEMA = SchemaBuilder.struct().name("io.ticketstream.braze.SubscriptionGroup")
            .field(BrazeContract.SUBSCRIPTION_GROUP_ID, Schema.STRING_SCHEMA)
            .field(BrazeContract.SUBSCRIPTION_STATE, Schema.STRING_SCHEMA)
            .build();
    static final Schema SUBSCRIPTIONS_SCHEMA = SchemaBuilder.array(SUBSCRIPTION_SCHEMA).optional().build();

    private UserIdentifier identifier;
    private MappedFields attributes;
    private StandardAttribute[] standard;
    private List<SubscriptionMapping> subscriptions;
    private ChangedFields changedFields;
    private boolean removeNulls;
    private boolean keepEmpty;
    private boolean updateExistingOnly;
    private long allBits;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        identifier = UserIdentifier.from(config);
        List<String> entries = config.getList(ConfigName.ATTRIBUTES);
        if (entries.isEmpty()) {
            throw new ConfigException(ConfigName.ATTRIBUTES, "", "list at least one attribute to send");
        }
        // email and phone are also standard attributes: writable unless they name the user.
        Set<String> reserved = new TreeSet<>(List.of(BrazeContract.TYPE, BrazeContract.SUBSCRIPTION_GROUPS,
                BrazeContract.UNSET, BrazeContract.UPDATE_EXISTING_ONLY, "external_id", "user_alias", "braze_id"));
        reserved.add(identifier.key());
        List<FieldMapping> mappings = FieldMapping.parseAll(ConfigName.ATTRIBUTES, entries, reserved);
        attributes = new MappedFields(mappings, StandardAttribute::renderingOf);
        standard = mappings.stream().map(m -> StandardAttribute.of(m.target())).toArray(StandardAttribute[]::new);
        subscriptions = SubscriptionMapping.parseAll(ConfigName.SUBSCRIPTION_GROUPS,
                config.getList(ConfigName.SUBSCRIPTION_GROUPS));
        int bits = mappings.size() + subscriptions.size();
        if (bits > MAX_MAPPINGS) {
            throw new ConfigException(ConfigName.ATTRIBUTES, String.valueOf(entries.size()), "at most " + MAX_MAPPINGS
                    + " attributes and subscription groups together per transform; split them over two transforms");
        }
        allBits = (1L << bits) - 1;
        String changed = config.getString(ConfigName.CHANGED_FIELDS_FIELD);
        changedFields = null;
        if (changed != null && !changed.isBlank()) {
            changedFields = new ChangedFields(FieldPath.parse(ConfigName.CHANGED_FIELDS_FIELD, changed));
            for (int i = 0; i < mappings.size(); i++) {
                changedFields.register(mappings.get(i).source(), i);
            }
            for (int j = 0; j < subscriptions.size(); j++) {
                changedFields.register(subscriptions.get(j).source(), mappings.size() + j);
            }
        }
        removeNulls = NULL_HANDLING_REMOVE.equals(config.getString(ConfigName.NULL_HANDLING));
        keepEmpty = EMPTY_KEEP.equals(config.getString(ConfigName.EMPTY_HANDLING));
        updateExistingOnly = config.getBoolean(ConfigName.UPDATE_EXISTING_ONLY);
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
        Object id = identifier.forStruct(plan.id.get(value));
        long candidates = changedFields == null ? allBits : changedFields.select(plan.changed.get(value));
        int n = attributes.size();
        Object[] values = new Object[n];
        long shape = 0L;
        List<String> unset = null;
        for (int i = 0; i < n; i++) {
            long bit = 1L << i;
            if ((candidates & bit) == 0) {
                continue;
            }
            Object v = plan.fields.read(i, value);
            if (!include(i, v)) {
                continue;
            }
            if (v == null) {
                // A Struct field cannot say "send null": the sink removes what braze_unset names.
                if (unset == null) {
                    unset = new ArrayList<>(4);
                }
                unset.add(attributes.mapping(i).target());
                shape |= UNSET_BIT;
            } else {
                values[i] = v;
                shape |= bit;
            }
        }
        String[] states = new String[subscriptions.size()];
        for (int j = 0; j < states.length; j++) {
            if ((candidates & (1L << (n + j))) != 0) {
                states[j] = subscriptions.get(j).state(plan.subscriptions[j].get(value));
                if (states[j] != null) {
                    shape |= 1L << (n + j);
                }
            }
        }
        if (shape == 0 && !keepEmpty) {
            return null;
        }
        Schema schema = plan.shapes.get(shape);
        Struct out = new Struct(schema);
        out.put(BrazeContract.TYPE, BrazeType.ATTRIBUTES.wireName());
        out.put(identifier.key(), id);
        for (int i = 0; i < n; i++) {
            if ((shape & (1L << i)) != 0) {
                out.put(attributes.mapping(i).target(), values[i]);
            }
        }
        if (((shape & ~UNSET_BIT) >>> n) != 0) {
            List<Struct> groups = new ArrayList<>(states.length);
            for (int j = 0; j < states.length; j++) {
                if (states[j] != null) {
                    groups.add(new Struct(SUBSCRIPTION_SCHEMA)
                            .put(BrazeContract.SUBSCRIPTION_GROUP_ID, subscriptions.get(j).groupId())
                            .put(BrazeContract.SUBSCRIPTION_STATE, states[j]));
                }
            }
            out.put(BrazeContract.SUBSCRIPTION_GROUPS, groups);
        }
        if (unset != null) {
            out.put(BrazeContract.UNSET, unset);
        }
        if (updateExistingOnly) {
            out.put(BrazeContract.UPDATE_EXISTING_ONLY, true);
        }
        return newRecord(record, schema, out);
    }

    private R applySchemaless(R record, Map<String, Object> value) {
        Object id = identifier.forMap(identifier.field().get(value));
        long candidates = changedFields == null ? allBits : changedFields.select(changedFields.field().get(value));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(BrazeContract.TYPE, BrazeType.ATTRIBUTES.wireName());
        out.put(identifier.key(), id);
        int n = attributes.size();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if ((candidates & (1L << i)) != 0) {
                Object v = attributes.read(i, value);
                if (include(i, v)) {
                    out.put(attributes.mapping(i).target(), v);
                    any = true;
                }
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int j = 0; j < subscriptions.size(); j++) {
            if ((candidates & (1L << (n + j))) != 0) {
                SubscriptionMapping subscription = subscriptions.get(j);
                String state = subscription.state(subscription.source().get(value));
                if (state != null) {
                    Map<String, Object> group = new LinkedHashMap<>(4);
                    group.put(BrazeContract.SUBSCRIPTION_GROUP_ID, subscription.groupId());
                    group.put(BrazeContract.SUBSCRIPTION_STATE, state);
                    groups.add(group);
                }
            }
        }
        if (!groups.isEmpty()) {
            out.put(BrazeContract.SUBSCRIPTION_GROUPS, groups);
        }
        if (!any && groups.isEmpty() && !keepEmpty) {
            return null;
        }
        if (updateExistingOnly) {
            out.put(BrazeContract.UPDATE_EXISTING_ONLY, true);
        }
        return newRecord(record, null, out);
    }

    /** Whether attribute {@code i} with value {@code v} is sent; checks standard attributes' values. */
    private boolean include(int i, Object v) {
        if (v == null) {
            return changedFields != null || removeNulls;
        }
        if (standard[i] != null) {
            standard[i].check(attributes.mapping(i).source().path(), v);
        }
        return true;
    }

    /** Everything derived from one input schema. */
    private final class Plan {
        final FieldPath.Accessor id;
        final FieldPath.Accessor changed;
        final MappedFields.Bound fields;
        final FieldPath.Accessor[] subscriptions;
        final ShapeCache shapes;

        Plan(Schema input) {
            id = identifier.field().resolve(input);
            changed = changedFields == null ? null : changedFields.field().resolve(input);
            if (changed != null && changed.schema().type() != Schema.Type.ARRAY) {
                throw new DataException("Field '" + changedFields.field() + "' (" + ConfigName.CHANGED_FIELDS_FIELD
                        + ") is of type " + changed.schema().type() + ", not an array of field names");
            }
            fields = attributes.bind(input);
            List<SubscriptionMapping> subs = BrazeAttributes.this.subscriptions;
            subscriptions = new FieldPath.Accessor[subs.size()];
            for (int j = 0; j < subscriptions.length; j++) {
                subscriptions[j] = subs.get(j).source().resolve(input);
                if (subscriptions[j].schema().type() != Schema.Type.BOOLEAN) {
                    throw new DataException("Field '" + subs.get(j).source() + "' (" + ConfigName.SUBSCRIPTION_GROUPS
                            + ") is of type " + subscriptions[j].schema().type() + ", not a boolean");
                }
            }
            shapes = new ShapeCache(this::schemaOf);
        }

        private Schema schemaOf(long shape) {
            SchemaBuilder builder = SchemaBuilder.struct().name("io.ticketstream.braze.Attributes")
                    .field(BrazeContract.TYPE, Schema.STRING_SCHEMA)
                    .field(identifier.key(), identifier.schema());
            int n = attributes.size();
            for (int i = 0; i < n; i++) {
                if ((shape & (1L << i)) != 0) {
                    builder.field(attributes.mapping(i).target(), fields.schema(i));
                }
            }
            if (((shape & ~UNSET_BIT) >>> n) != 0) {
                builder.field(BrazeContract.SUBSCRIPTION_GROUPS, SUBSCRIPTIONS_SCHEMA);
            }
            if ((shape & UNSET_BIT) != 0) {
                builder.field(BrazeContract.UNSET, UNSET_SCHEMA);
            }
            if (updateExistingOnly) {
                builder.field(BrazeContract.UPDATE_EXISTING_ONLY, Schema.BOOLEAN_SCHEMA);
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
    public static class Value<R extends ConnectRecord<R>> extends BrazeAttributes<R> {
        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withValue(record, updatedSchema, updatedValue);
        }
    }
}
