package io.ticketstream.it.ordering.harness;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.apache.kafka.test.TestUtils;

import io.ticketstream.testsupport.kafka.SingleBroker;

/**
 * One real KRaft broker (Kafka's {@link EmbeddedKafkaCluster}) shared by the runs of a test class: starting one costs
 * seconds, which fifteen runs would pay fifteen times. Between runs {@link #clear()} deletes every topic, so each run
 * starts on an empty cluster (each run's app also has its own application.id, so no group or transactional id is
 * shared).
 */
public final class TestBroker implements AutoCloseable {

    private final EmbeddedKafkaCluster kafka;
    private final Admin admin;

    private TestBroker(EmbeddedKafkaCluster kafka) {
        this.kafka = kafka;
        this.admin = kafka.createAdminClient();
    }

    public static TestBroker start() {
        Properties broker = SingleBroker.forExactlyOnce();
        // Kafka's default retention (7 days) stays; its check runs every second instead of every 5 minutes, so a
        // topic that keeps 13-day-old timestamps loses them within the run, as it would in production within minutes.
        broker.put("log.retention.check.interval.ms", "1000");
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
        return new TestBroker(kafka);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Admin admin() {
        return admin;
    }

    /** Deletes every topic but the broker's own ({@code __consumer_offsets}, {@code __transaction_state}). */
    public void clear() throws ExecutionException, InterruptedException {
        Set<String> topics = topics();
        if (topics.isEmpty()) {
            return;
        }
        admin.deleteTopics(topics).all().get();
        TestUtils.waitForCondition(() -> topics().isEmpty(), Duration.ofMinutes(1).toMillis(),
                () -> "topics of the previous run still listed");
    }

    private Set<String> topics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__")).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        admin.close();
        kafka.stop();
    }
}
