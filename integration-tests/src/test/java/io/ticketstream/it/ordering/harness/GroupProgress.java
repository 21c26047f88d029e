package io.ticketstream.it.ordering.harness;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * What the app's consumer group has committed, against the ends of the topics it reads: the raw topics, and the
 * internal topics its sub-topologies exchange records through (changelogs are written, not read, and excluded).
 */
public final class GroupProgress {

    private final Admin admin;
    private final String groupId;
    private final Collection<String> rawTopics;
    private final Collection<String> optionalRawTopics;

    /**
     * @param rawTopics         topics the app must read (the change topics)
     * @param optionalRawTopics other topics written here, non-transactionally, that the app may read or not (Debezium's
     *                          transaction-metadata topics)
     */
    public GroupProgress(Admin admin, String groupId, Collection<String> rawTopics, Collection<String> optionalRawTopics) {
        this.admin = admin;
        this.groupId = groupId;
        this.rawTopics = rawTopics;
        this.optionalRawTopics = optionalRawTopics;
    }

    /**
     * True when the group committed the end of every raw topic and of every other topic it has offsets for. Topics
     * other than the raw ones are the app's internal topics, written transactionally: their last offset is a commit
     * marker, which a consumer never returns, so the offset before it counts as the end.
     */
    public boolean drained() throws ExecutionException, InterruptedException {
        return notDrained().isEmpty();
    }

    /** The partitions whose end the group has not committed yet, with committed and end offsets. */
    public List<String> notDrained() throws ExecutionException, InterruptedException {
        List<String> behind = new java.util.ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Set<String> topics = new HashSet<>(rawTopics);
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        for (Map.Entry<TopicPartition, Long> end : ends(topics).entrySet()) {
            long endOffset = end.getValue();
            if (endOffset == 0) {
                continue;
            }
            OffsetAndMetadata done = committed.get(end.getKey());
            String topic = end.getKey().topic();
            boolean writtenHere = rawTopics.contains(topic) || optionalRawTopics.contains(topic);
            if (done == null || done.offset() < (writtenHere ? endOffset : endOffset - 1)) {
                behind.add(end.getKey() + " committed " + (done == null ? "nothing" : done.offset()) + " of " + endOffset);
            }
        }
        return behind;
    }

    /** Share of the raw topics' records the group has committed (0 to 1). */
    public double rawShareCommitted() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        long total = 0;
        long done = 0;
        for (Map.Entry<TopicPartition, Long> end : ends(rawTopics).entrySet()) {
            total += end.getValue();
            OffsetAndMetadata offset = committed.get(end.getKey());
            done += offset == null ? 0 : offset.offset();
        }
        return total == 0 ? 1.0 : (double) done / total;
    }

    /** Members of the group, when it is stable (not rebalancing); -1 otherwise. */
    public int stableMembers() throws ExecutionException, InterruptedException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        return group.groupState() == GroupState.STABLE ? group.members().size() : -1;
    }

    /** Members of the group, whatever its state (a member that joined may still be rebalancing). */
    public int members() throws ExecutionException, InterruptedException {
        return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().size();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return committed == null ? Map.of() : committed;
    }

    private Map<TopicPartition, Long> ends(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(description ->
                description.partitions().forEach(p -> wanted.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(wanted).all().get().entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }
}
