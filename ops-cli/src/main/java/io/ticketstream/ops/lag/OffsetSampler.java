package io.ticketstream.ops.lag;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * One sampling round: list groups, read their committed offsets and the end offsets of those partitions (Admin
 * API), then, where a group is not at the end, find the data records in between ({@link DataRecordProbe}) so that
 * commit markers are not counted as lag. Partitions a group has never committed are not reported (there is no
 * committed offset to measure from), as {@code kafka-consumer-groups} shows them as "-".
 */
public final class OffsetSampler {
    /** The partition assignor every Kafka Streams client announces (classic group protocol). */
    static final String STREAMS_ASSIGNOR = "stream";

    private final Admin admin;
    private final GroupSelector selector;
    private final IsolationLevel isolation;
    private final Clock clock;
    private final Duration timeout;
    private final DataRecordProbe probe;

    /**
     * @param probe reads the records between committed and end offsets; null to count every offset (then a
     *              transactional partition shows its commit marker as a lag of 1, and no lag in seconds is known)
     */
    public OffsetSampler(Admin admin, GroupSelector selector, IsolationLevel isolation, Clock clock, Duration timeout,
                         DataRecordProbe probe) {
        this.admin = admin;
        this.selector = selector;
        this.isolation = isolation;
        this.clock = clock;
        this.timeout = timeout;
        this.probe = probe;
    }

    public Snapshot sample() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> groups = selectedGroups();
        if (groups.isEmpty()) {
            return new Snapshot(clock.millis(), Map.of());
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(specs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);

        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> offsets.forEach((tp, om) -> {
            if (om != null) {
                partitions.add(tp);
            }
        }));
        Map<TopicPartition, Long> endOffsets = endOffsets(partitions);

        Map<TopicPartition, Set<Long>> behind = new HashMap<>();
        committed.values().forEach(offsets -> offsets.forEach((tp, om) -> {
            Long end = endOffsets.get(tp);
            if (om != null && end != null && om.offset() < end) {
                behind.computeIfAbsent(tp, k -> new TreeSet<>()).add(om.offset());
            }
        }));
        Map<TopicPartition, Map<Long, DataRecordProbe.DataRange>> data = probe == null || behind.isEmpty()
                ? Map.of() : probe.probe(behind, endOffsets);

        long now = clock.millis();
        Map<PartitionKey, OffsetSample> samples = new HashMap<>();
        committed.forEach((group, offsets) -> offsets.forEach((tp, om) -> {
            Long end = endOffsets.get(tp);
            if (om == null || end == null) {
                return;
            }
            DataRecordProbe.DataRange range = data.getOrDefault(tp, Map.of()).get(om.offset());
            OffsetSample sample = range == null
                    ? new OffsetSample(now, om.offset(), end) // at the end, or not probed: every offset counts
                    : new OffsetSample(now, om.offset(), end, range.dataEnd(), range.oldestTimestampMs());
            samples.put(new PartitionKey(group, tp.topic(), tp.partition()), sample);
        }));
        return new Snapshot(now, samples);
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        ListOffsetsResult ends = admin.listOffsets(latest, new ListOffsetsOptions(isolation));
        Map<TopicPartition, Long> endOffsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            try {
                endOffsets.put(tp, ends.partitionResult(tp).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // topic deleted while the group still holds offsets for it: nothing to measure against
            }
        }
        return endOffsets;
    }

    /**
     * The groups the selector names, plus (default selection only) every classic consumer group whose members run
     * Kafka Streams, whatever its application.id. An empty Streams group has no members to recognise it by: that is
     * what the selector's streams group names are for.
     */
    private Set<String> selectedGroups() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> selected = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        for (GroupListing listing : admin.listGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            boolean share = listing.type().map(t -> t == GroupType.SHARE).orElse(false);
            boolean connectWorkers = "connect".equals(listing.protocol());
            if (share || connectWorkers) {
                continue;
            }
            if (selector.selects(listing.groupId())) {
                selected.add(listing.groupId());
            } else if (selector.findsStreamsApps() && listing.type().map(t -> t == GroupType.CLASSIC).orElse(true)
                    && "consumer".equals(listing.protocol())) {
                candidates.add(listing.groupId());
            }
        }
        if (!candidates.isEmpty()) {
            Map<String, ConsumerGroupDescription> described =
                    admin.describeConsumerGroups(candidates).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            described.forEach((id, description) -> {
                if (STREAMS_ASSIGNOR.equals(description.partitionAssignor())) {
                    selected.add(id);
                }
            });
        }
        return selected;
    }
}
