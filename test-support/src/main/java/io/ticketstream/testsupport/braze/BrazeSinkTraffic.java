package io.ticketstream.testsupport.braze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Records for the Braze sink as its SMTs leave them (JSON, no schema): three events in four, the rest purchases, each
 * with a unique {@code properties.seq} so a test can count what Braze received once, twice or never.
 */
public final class BrazeSinkTraffic {

    private BrazeSinkTraffic() {
    }

    /** Record {@code seq}: a purchase when {@code seq % 4 == 0}, else an event, for user {@code U-(seq % users)}. */
    public static String record(int seq, int users) {
        String user = "U-" + (seq % users);
        return seq % 4 == 0
                ? "{\"braze_type\":\"purchase\",\"external_id\":\"" + user + "\",\"product_id\":\"perf-" + (seq % 50)
                  + "\",\"currency\":\"GBP\",\"price\":\"42.50\",\"quantity\":1,\"time\":\"2027-03-01T08:30:00Z\","
                  + "\"properties\":{\"seq\":" + seq + "}}"
                : event(seq, user);
    }

    /** A {@code ticket_viewed} event of {@code user} carrying {@code seq}. */
    public static String event(int seq, String user) {
        return "{\"braze_type\":\"event\",\"external_id\":\"" + user + "\",\"name\":\"ticket_viewed\","
                + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + seq + "}}";
    }

    /**
     * Writes {@link #record} {@code from .. from + count - 1} to {@code topic}, record {@code seq} to partition
     * {@code partitionOf(seq)}, then checks that the topic grew by exactly {@code count}.
     */
    public static void produce(EmbeddedKafkaCluster kafka, String topic, int from, int count, int users,
                               IntUnaryOperator partitionOf) throws Exception {
        produce(kafka, topic, from, count,
                seq -> new ProducerRecord<>(topic, partitionOf.applyAsInt(seq), null, record(seq, users)));
    }

    /**
     * Writes {@code recordOf(seq)} for {@code seq} in {@code from .. from + count - 1}, then checks that the topic grew
     * by exactly {@code count}: a producer retry that wrote a record twice must not pass for a sink duplicate.
     */
    public static void produce(EmbeddedKafkaCluster kafka, String topic, int from, int count,
                               IntFunction<ProducerRecord<String, String>> recordOf) throws Exception {
        long before = records(kafka, topic);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.ACKS_CONFIG, "all",
                // the idempotent producer looped on OUT_OF_ORDER_SEQUENCE against the embedded broker of a busy
                // machine until its batches expired; one request in flight keeps order, and the end offsets are
                // checked below
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
            List<Future<?>> sends = new ArrayList<>(count);
            for (int seq = from; seq < from + count; seq++) {
                sends.add(producer.send(recordOf.apply(seq)));
            }
            producer.flush();
            for (Future<?> send : sends) {
                send.get();
            }
        }
        long written = records(kafka, topic) - before;
        if (written != count) {
            throw new IllegalStateException(topic + " grew by " + written + " records, " + count + " were produced");
        }
    }

    private static long records(EmbeddedKafkaCluster kafka, String topic) throws Exception {
        try (Admin admin = kafka.createAdminClient()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            long total = 0;
            for (var partition : description.partitions()) {
                total += kafka.endOffset(new TopicPartition(topic, partition.partition()));
            }
            return total;
        }
    }
}
