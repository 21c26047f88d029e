package io.ticketstream.connect.smt.braze;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import io.ticketstream.connect.smt.util.FieldPath;

/**
 * When an event or purchase happened, as ISO-8601: from a field (Connect Timestamp, epoch millis or an
 * ISO-8601 string with offset), or, without {@value #FIELD_CONFIG}, the record timestamp (on the canonical
 * topics that is the source database's commit time).
 */
final class EventTime {

    static final String FIELD_CONFIG = "time.field";
    private static final String FIELD_DOC = "Field (dotted path) with the time it happened: a Connect Timestamp, "
            + "epoch milliseconds or an ISO-8601 string with offset; written as ISO-8601 in UTC. Empty: the record "
            + "timestamp (on the canonical topics, the database commit time).";

    private final FieldPath field;

    private EventTime(FieldPath field) {
        this.field = field;
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, FIELD_DOC);
    }

    static EventTime from(AbstractConfig config) {
        String text = config.getString(FIELD_CONFIG);
        return new EventTime(text == null || text.isBlank() ? null : FieldPath.parse(FIELD_CONFIG, text));
    }

    FieldPath.Accessor bind(Schema schema) {
        return field == null ? null : field.resolve(schema);
    }

    String get(FieldPath.Accessor accessor, Struct value, ConnectRecord<?> record) {
        return field == null ? fromRecord(record) : convert(accessor.get(value));
    }

    String get(Map<?, ?> value, ConnectRecord<?> record) {
        return field == null ? fromRecord(record) : convert(field.get(value));
    }

    private String convert(Object raw) {
        if (raw == null) {
            throw new DataException("Field '" + field + "' (" + FIELD_CONFIG + ") is null: Braze needs the time");
        }
        return BrazeFormats.isoTime(field.path(), raw);
    }

    private static String fromRecord(ConnectRecord<?> record) {
        if (record.timestamp() == null) {
            throw new DataException("Record " + record.topic() + "-" + record.kafkaPartition() + " has no timestamp and "
                    + FIELD_CONFIG + " is not set: Braze needs the time");
        }
        return BrazeFormats.isoInstant("(record timestamp)", record.timestamp());
    }
}
