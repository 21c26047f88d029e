package io.ticketstream.connect.braze;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.record.BrazeObjectParser;

/** Builds records of the input contract for unit tests. */
public final class TestRecords {

    public static final String TOPIC = "braze.in";
    private static final BrazeObjectParser PARSER = new BrazeObjectParser(4_000_000);

    private TestRecords() {
    }

    public static Map<String, Object> attributes(String user, String key, Object value) {
        return Map.of("braze_type", "attributes", "external_id", user, key, value);
    }

    public static Map<String, Object> event(String user, String name) {
        return Map.of("braze_type", "event", "external_id", user, "name", name, "time", "2027-03-01T08:30:00Z");
    }

    public static Map<String, Object> purchase(String user, String product) {
        return Map.of("braze_type", "purchase", "external_id", user, "product_id", product, "currency", "GBP",
                "price", "10.00", "time", "2027-03-01T08:30:00Z");
    }

    public static Map<String, Object> subscription(String idKind, String id, String group, String state) {
        return Map.of("braze_type", "subscription", idKind, id, "subscription_group_id", group,
                "subscription_state", state);
    }

    public static SinkRecord sinkRecord(Object value, int partition, long offset) {
        return new SinkRecord(TOPIC, partition, null, null, null, value, offset);
    }

    public static PendingRecord pending(Map<String, Object> value, long offset) {
        SinkRecord record = sinkRecord(value, 0, offset);
        return new PendingRecord(record, new TopicPartition(TOPIC, 0), offset, PARSER.parse(value, null), 0L);
    }
}
