package io.ticketstream.connect.converter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

import io.ticketstream.connect.smt.Version;
import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;
import io.ticketstream.schemas.serde.DecodeFailures;
import io.ticketstream.schemas.serde.SingleObjectHeader;

/**
 * Value converter for the canonical topics: Avro single-object encoding, writer schemas resolved against
 * every published version in the schemas jar ({@link SchemaCatalog#canonical()}), no registry server.
 *
 * <p>toConnectData: the fingerprint picks the published writer version; Avro's decoder reads the record
 * into the configured reader version ({@link ReaderVersion}); the record becomes a Connect Struct with
 * Decimal/Timestamp/Date logical types, enums as strings and {@code ["null", X]} as optional X.
 * A payload that cannot be read is a {@link DataException} naming the topic, the fingerprint and the reason,
 * so {@code errors.tolerance=all} with a dead-letter topic keeps it instead of stopping the task.
 *
 * <p>fromConnectData: a Struct to the latest published version of the topic's entity (or, on a topic that
 * is not canonical, of the entity the Struct's schema name names).
 *
 * <p>Keys of the canonical topics are UTF-8 strings: use {@code StringConverter} as the key converter; this
 * converter refuses to be one.
 */
public class CanonicalAvroConverter implements Converter, Versioned {

    private final SchemaCatalog catalog;
    /** Bounded by the number of published versions: only fingerprints found in the catalog get a plan. */
    private final Map<Long, DecodingPlan> plans = new ConcurrentHashMap<>();
    private final Map<CanonicalEntity, BinaryMessageEncoder<GenericRecord>> encoders = new ConcurrentHashMap<>();
    private ReaderVersion readerVersion = ReaderVersion.LATEST;

    public CanonicalAvroConverter() {
        this(SchemaCatalog.canonical());
    }

    /** For tests that need published versions the jar does not have. */
    CanonicalAvroConverter(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> props = new HashMap<>(configs);
        props.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        CanonicalAvroConverterConfig config = new CanonicalAvroConverterConfig(props);
        if (config.type() != ConverterType.VALUE) {
            throw new ConfigException(ConverterConfig.TYPE_CONFIG, config.type().getName(),
                    "the canonical topics' keys are UTF-8 strings: use org.apache.kafka.connect.storage.StringConverter "
                            + "as key.converter and " + getClass().getName() + " as value.converter");
        }
        this.readerVersion = config.readerVersion();
        plans.clear();
    }

    @Override
    public ConfigDef config() {
        return CanonicalAvroConverterConfig.configDef();
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Optional<CanonicalEntity> topicEntity = catalog.entityForTopic(topic);
        OptionalLong fingerprint = SingleObjectHeader.fingerprint(value);
        DecodingPlan plan;
        try {
            plan = fingerprint.isPresent() ? planFor(fingerprint.getAsLong()) : null;
        } catch (DataException e) {
            // A published schema with a shape Connect cannot express (e.g. a union of two types).
            throw new DataException("Cannot convert the value of topic '" + topic + "', writer schema fingerprint "
                    + PublishedSchema.hex(fingerprint.getAsLong()) + ": " + e.getMessage(), e);
        }
        if (plan == null || topicEntity.filter(entity -> entity != plan.writer().entity()).isPresent()) {
            // No header, an unknown fingerprint, or another entity's record on a canonical topic.
            throw failure(topic, value, topicEntity, null);
        }
        try {
            return new SchemaAndValue(plan.connectSchema(), plan.decode(value));
        } catch (IOException | RuntimeException e) {
            // Any failure on an untrusted payload is a data problem, whatever Avro threw (it throws
            // UnsupportedOperationException for an absurd length, for one): DataException lets the DLQ keep it.
            throw failure(topic, value, topicEntity, e);
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        CanonicalEntity entity = catalog.entityForTopic(topic)
                .or(() -> schema == null ? Optional.empty() : Optional.ofNullable(schema.name()).flatMap(CanonicalEntity::forFullName))
                .orElseThrow(() -> new DataException("Cannot convert a Connect value for topic '" + topic + "': it is not "
                        + "a canonical topic and the value's schema name '" + (schema == null ? null : schema.name())
                        + "' is not a canonical record name, so the target schema is unknown"));
        if (!(value instanceof Struct struct)) {
            throw new DataException("Cannot convert a Connect value for topic '" + topic + "' to " + entity.schemaName()
                    + ": expected a Struct, got " + value.getClass().getName());
        }
        PublishedSchema target = catalog.latest(entity);
        try {
            GenericRecord record = ConnectToAvro.recordOf(struct, target.schema());
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            encoders.computeIfAbsent(entity, e -> new BinaryMessageEncoder<>(GenericData.get(), target.schema()))
                    .encode(record, out);
            return out.toByteArray();
        } catch (DataException | IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            throw new DataException("Cannot convert a Connect value for topic '" + topic + "' to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private DecodingPlan planFor(long fingerprint) {
        DecodingPlan cached = plans.get(fingerprint);
        if (cached != null) {
            return cached;
        }
        Optional<PublishedSchema> writer = catalog.byFingerprint(fingerprint);
        if (writer.isEmpty()) {
            return null; // not cached: unknown fingerprints must not grow the map
        }
        PublishedSchema reader = readerVersion == ReaderVersion.LATEST ? catalog.latest(writer.get().entity()) : writer.get();
        return plans.computeIfAbsent(fingerprint, fp -> new DecodingPlan(writer.get(), reader, catalog));
    }

    private DataException failure(String topic, byte[] value, Optional<CanonicalEntity> topicEntity, Exception cause) {
        return new DataException("Cannot convert the value of " + DecodeFailures.describe(topic, value, catalog,
                topicEntity.orElse(null), cause), cause);
    }
}
