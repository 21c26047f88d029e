package io.ticketstream.ops.lag;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
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
 * One sampling round through the Admin API: list groups, read their committed offsets, read the end offsets of
 * those partitions, stamp the round with the clock. Partitions a group has never committed are not reported
 * (there is no committed offset to measure from), as {@code kafka-consumer-groups} shows them as "-".
 */
public final class OffsetSampler {
    private final Admin admin;
    private final GroupSelector selector;
    private final IsolationLevel isolation;
    private final Clock clock;
    private final Duration timeout;

    public OffsetSampler(Admin admin, GroupSelector selector, IsolationLevel isolation, Clock clock, Duration timeout) {
        this.admin = admin;
        this.selector = selector;
        this.isolation = isolation;
        this.clock = clock;
        this.timeout = timeout;
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
        long now = clock.millis();
        Map<PartitionKey, OffsetSample> samples = new HashMap<>();
        committed.forEach((group, offsets) -> offsets.forEach((tp, om) -> {
            Long end = endOffsets.get(tp);
            if (om != null && end != null) {
                samples.put(new PartitionKey(group, tp.topic(), tp.partition()), new OffsetSample(now, om.offset(), end));
            }
        }));
        return new Snapshot(now, samples);
    }

    private Set<String> selectedGroups() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> selected = new HashSet<>();
        for (GroupListing listing : admin.listGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            boolean share = listing.type().map(t -> t == GroupType.SHARE).orElse(false);
            boolean connectWorkers = "connect".equals(listing.protocol());
            if (!share && !connectWorkers && selector.selects(listing.groupId())) {
                selected.add(listing.groupId());
            }
        }
        return selected;
    }
}
