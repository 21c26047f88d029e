package io.ticketstream.streams.topology;

import io.ticketstream.streams.join.progress.SourcePartition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many partitions each raw CDC topic has. The joins wait for the progress of EVERY raw partition they
 * depend on, so they must know them all before they start: a join that only counted the partitions it had
 * heard from could call a fact complete while a silent partition still held one of its rows.
 */
public final class RawTopicLayout {

    private final Map<String, Integer> partitionsByTopic;

    public RawTopicLayout(Map<String, Integer> partitionsByTopic) {
        partitionsByTopic.forEach((topic, partitions) -> {
            if (partitions < 1) {
                throw new IllegalArgumentException("topic " + topic + " has " + partitions + " partitions");
            }
        });
        this.partitionsByTopic = Map.copyOf(partitionsByTopic);
    }

    /** One partition per topic: what the TopologyTestDriver runs. */
    public static RawTopicLayout onePartitionEach(Collection<String> topics) {
        Map<String, Integer> layout = new LinkedHashMap<>();
        topics.forEach(topic -> layout.put(topic, 1));
        return new RawTopicLayout(layout);
    }

    /**
     * Reads the partition counts from the cluster.
     *
     * @throws ConfigException naming the topic when one does not exist (create the raw topics first: see
     *                         docker/kafka/create-topics.sh) or the cluster does not answer within {@code timeout}
     */
    public static RawTopicLayout describe(Admin admin, Collection<String> topics, Duration timeout) {
        Map<String, Integer> layout = new LinkedHashMap<>();
        for (String topic : new LinkedHashSet<>(topics)) {
            try {
                TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                layout.put(topic, description.partitions().size());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new ConfigException("raw topic '" + topic + "' does not exist: create the raw CDC topics "
                            + "before starting the streams app (their partition counts decide how the joins wait)");
                }
                throw new ConfigException("cannot describe raw topic '" + topic + "': " + e.getCause());
            } catch (TimeoutException e) {
                throw new ConfigException("cannot describe raw topic '" + topic + "': no answer from Kafka within "
                        + timeout.toSeconds() + " s (check bootstrap.servers and the security settings)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConfigException("interrupted while describing raw topic '" + topic + "'");
            }
        }
        return new RawTopicLayout(layout);
    }

    public int partitions(String topic) {
        Integer partitions = partitionsByTopic.get(topic);
        if (partitions == null) {
            throw new IllegalArgumentException("no partition count for raw topic '" + topic + "' (known: "
                    + partitionsByTopic.keySet() + ")");
        }
        return partitions;
    }

    /** Every partition of these topics. */
    public Set<SourcePartition> sources(Collection<String> topics) {
        Set<SourcePartition> sources = new LinkedHashSet<>();
        topics.forEach(topic -> {
            for (int p = 0; p < partitions(topic); p++) {
                sources.add(new SourcePartition(topic, p));
            }
        });
        return sources;
    }

    /** The partitions of these topics that the task with partition number {@code taskPartition} reads. */
    public Set<SourcePartition> sourcesOfTask(Collection<String> topics, int taskPartition) {
        Set<SourcePartition> sources = new LinkedHashSet<>();
        topics.forEach(topic -> {
            if (taskPartition < partitions(topic)) {
                sources.add(new SourcePartition(topic, taskPartition));
            }
        });
        return sources;
    }

    /**
     * Orders, tickets and payments are joined inside one task per partition number, without a shuffle, so the
     * three topics must be co-partitioned: same partition count (checked here) and all keyed by order_id
     * (checked per record by the normalisation stage).
     *
     * @throws ConfigException naming the topics and their counts
     */
    public void requireCopartitioned(Collection<String> topics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        topics.forEach(topic -> counts.put(topic, partitions(topic)));
        if (new LinkedHashSet<>(counts.values()).size() > 1) {
            throw new ConfigException("raw topics " + counts + " must have the same number of partitions: the order "
                    + "join reads orders, tickets and payments of one order together, without a repartition");
        }
    }

    @Override
    public String toString() {
        return partitionsByTopic.toString();
    }
}
