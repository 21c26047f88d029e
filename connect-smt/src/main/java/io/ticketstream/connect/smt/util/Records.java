package io.ticketstream.connect.smt.util;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/**
 * The {@code newRecord} of every transform's {@code Key}/{@code Value} subclass (Kafka's own SMT layout): a copy of
 * the record with only its key or only its value replaced, topic, partition, timestamp and headers kept.
 */
public final class Records {

    private Records() {
    }

    public static <R extends ConnectRecord<R>> R withValue(R record, Schema valueSchema, Object value) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                valueSchema, value, record.timestamp(), record.headers());
    }

    public static <R extends ConnectRecord<R>> R withKey(R record, Schema keySchema, Object key) {
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                record.valueSchema(), record.value(), record.timestamp(), record.headers());
    }
}
