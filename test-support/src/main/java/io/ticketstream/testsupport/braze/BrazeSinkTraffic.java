package io.ticketstream.testsupport.braze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

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
                  + "\",\"currency\":\"GBP\",\"price\":\"42.50\",\"time\":\"2027-03-01T08:30:00Z\","
                  + "\"properties\":{\"seq\":" + seq + "}}"
                : "{\"braze_type\":\"event\",\"external_id\":\"" + user + "\",\"name\":\"ticket_viewed\","
                  + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + seq + "}}";
    }

    /**
     * Writes records {@code from .. from + count - 1} to {@code topic}, record {@code seq} to partition
     * {@code partitionOf(seq)}, then checks that the topic grew by exactly {@code count}: a producer retry must not
     * have written one twice.
     */
    public static void produce(EmbeddedKafkaCluster kafka, String topic, int partitions, int from, int count, int users,
                               IntUnaryOperator partitionOf) throws Exception {
        long before = records(kafka, topic, partitions);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ACKS_CONFIG, "all",
                // the idempotent producer looped on OUT_OF_ORDER_SEQUENCE against the embedded broker of a busy
                // machine; one request in flight keeps order, and the end offsets are checked below
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
            List<Future<?>> sends = new ArrayList<>(count);
            for (int seq = from; seq < from + count; seq++) {
                sends.add(producer.send(new ProducerRecord<>(topic, partitionOf.applyAsInt(seq), null, record(seq, users))));
            }
            producer.flush();
            for (Future<?> send : sends) {
                send.get();
            }
        }
        long written = records(kafka, topic, partitions) - before;
        if (written != count) {
            throw new IllegalStateException(topic + " grew by " + written + " records, " + count + " were produced");
        }
    }

    private static long records(EmbeddedKafkaCluster kafka, String topic, int partitions) throws Exception {
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            total += kafka.endOffset(new TopicPartition(topic, p));
        }
        return total;
    }
}
