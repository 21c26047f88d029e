package io.ticketstream.connect.smt.braze;

import static org.apache.kafka.connect.transforms.util.Requirements.requireMap;
import static org.apache.kafka.connect.transforms.util.Requirements.requireStruct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.ticketstream.connect.smt.util.FieldPath;
import io.ticketstream.connect.smt.util.Records;
import io.ticketstream.connect.smt.util.SchemaCache;

/**
 * Shapes a record into ONE Braze subscription-state change (the Braze sink's
 * {@code braze_type=subscription}, which carries one group per record) from ONE boolean field.
 * An SMT turns one record into at most one record, so for several groups from one record use
 * {@link BrazeAttributes}' {@code subscription.groups} (all groups in one attributes object), or one
 * connector per group. A null flag, or (with changed.fields.field) an unlisted one, means no change:
 * the record is dropped, as there is nothing to tell Braze. Value only.
 */
public abstract class BrazeSubscriptionState<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Shapes the record value into one Braze subscription-state change: "
            + "braze_type=subscription, the user identifier (external_id, email or phone), subscription_group_id and "
            + "subscription_state (subscribed/unsubscribed) from a boolean field. A record with no change (null flag, "
            + "or unlisted in changed.fields.field) is dropped."
            + "<p/>Use the concrete transformation type designed for the record value (<code>"
            + BrazeSubscriptionState.class.getName() + "$Value</code>).";

    public interface ConfigName {
        String FIELD = "subscription.field";
        String INVERTED = "subscription.field.inverted";
        String GROUP_ID = "subscription.group.id";
        String CHANGED_FIELDS_FIELD = "changed.fields.field";
    }

    private static final String FIELD_DOC = "Boolean field (dotted path) saying whether the user is subscribed, e.g. "
            + "email_opt_in: true sends subscribed, false unsubscribed, null nothing (the record is dropped).";
    public static final boolean INVERTED_DEFAULT = false;
    private static final String INVERTED_DOC = "True when the field is an opt-out flag: true then means unsubscribed.";
    private static final String GROUP_ID_DOC = "The Braze subscription group id (pass it with ${env:...} when it "
            + "differs per environment).";
    private static final String CHANGED_FIELDS_DOC = "Field (an array of field names, e.g. changed_fields of "
            + "CustomerChange) listing what changed: when set, a record whose list does not name the subscription "
            + "field (or a parent of it) is dropped, so an unchanged opt-in is not re-sent.";

    public static final ConfigDef CONFIG_DEF = UserIdentifier.define(new ConfigDef())
            .define(ConfigName.FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, FIELD_DOC)
            .define(ConfigName.INVERTED, ConfigDef.Type.BOOLEAN, INVERTED_DEFAULT, ConfigDef.Importance.MEDIUM,
                    INVERTED_DOC)
            .define(ConfigName.GROUP_ID, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, GROUP_ID_DOC)
            .define(ConfigName.CHANGED_FIELDS_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    CHANGED_FIELDS_DOC);

    private static final String PURPOSE = "shaping a record into a Braze subscription-state change";
    /** The sink's subscription objects (Braze's /v2/subscription/status/set) take only these identifiers. */
    private static final Set<String> SUBSCRIPTION_IDENTIFIERS = Set.of("external_id", "email", "phone");

    private UserIdentifier identifier;
    private SubscriptionMapping subscription;
    private ChangedFields changedFields;
    private Schema schema;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        identifier = UserIdentifier.from(config);
        if (!SUBSCRIPTION_IDENTIFIERS.contains(identifier.key())) {
            throw new ConfigException(UserIdentifier.TYPE_CONFIG, identifier.key(),
                    "subscription changes name the user by external_id, email or phone only");
        }
        String field = config.getString(ConfigName.FIELD);
        String groupId = config.getString(ConfigName.GROUP_ID).trim();
        String entry = (config.getBoolean(ConfigName.INVERTED) ? "!" : "") + field.trim() + ":" + groupId;
        if (groupId.contains(":")) {
            throw new ConfigException(ConfigName.GROUP_ID, groupId, "a subscription group id has no ':'");
        }
        FieldPath.parse(ConfigName.FIELD, field);
        subscription = SubscriptionMapping.parseAll(ConfigName.FIELD, List.of(entry)).get(0);
        String changed = config.getString(ConfigName.CHANGED_FIELDS_FIELD);
        changedFields = null;
        if (changed != null && !changed.isBlank()) {
            changedFields = new ChangedFields(FieldPath.parse(ConfigName.CHANGED_FIELDS_FIELD, changed));
            changedFields.register(subscription.source(), 0);
        }
        schema = SchemaBuilder.struct().name("io.ticketstream.braze.SubscriptionState")
                .field(BrazeContract.TYPE, Schema.STRING_SCHEMA)
                .field(identifier.key(), identifier.schema())
                .field(BrazeContract.SUBSCRIPTION_GROUP_ID, Schema.STRING_SCHEMA)
                .field(BrazeContract.SUBSCRIPTION_STATE, Schema.STRING_SCHEMA)
                .build();
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
        if (changedFields != null && changedFields.select(plan.changed.get(value)) == 0) {
            return null;
        }
        String state = subscription.state(plan.flag.get(value));
        if (state == null) {
            return null;
        }
        Struct out = new Struct(schema)
                .put(BrazeContract.TYPE, BrazeType.SUBSCRIPTION.wireName())
                .put(identifier.key(), id)
                .put(BrazeContract.SUBSCRIPTION_GROUP_ID, subscription.groupId())
                .put(BrazeContract.SUBSCRIPTION_STATE, state);
        return newRecord(record, schema, out);
    }

    private R applySchemaless(R record, Map<String, Object> value) {
        Object id = identifier.forMap(identifier.field().get(value));
        if (changedFields != null && changedFields.select(changedFields.field().get(value)) == 0) {
            return null;
        }
        String state = subscription.state(subscription.source().get(value));
        if (state == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(BrazeContract.TYPE, BrazeType.SUBSCRIPTION.wireName());
        out.put(identifier.key(), id);
        out.put(BrazeContract.SUBSCRIPTION_GROUP_ID, subscription.groupId());
        out.put(BrazeContract.SUBSCRIPTION_STATE, state);
        return newRecord(record, null, out);
    }

    /** Everything derived from one input schema. */
    private final class Plan {
        final FieldPath.Accessor id;
        final FieldPath.Accessor flag;
        final FieldPath.Accessor changed;

        Plan(Schema input) {
            id = identifier.field().resolve(input);
            flag = subscription.source().resolve(input);
            if (flag.schema().type() != Schema.Type.BOOLEAN) {
                throw new DataException("Field '" + subscription.source() + "' (" + ConfigName.FIELD + ") is of type "
                        + flag.schema().type() + ", not a boolean");
            }
            changed = changedFields == null ? null : changedFields.field().resolve(input);
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
    public static class Value<R extends ConnectRecord<R>> extends BrazeSubscriptionState<R> {
        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return Records.withValue(record, updatedSchema, updatedValue);
        }
    }
}
