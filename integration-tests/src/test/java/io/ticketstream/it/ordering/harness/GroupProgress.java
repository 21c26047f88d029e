package io.ticketstream.it.ordering.harness;

import java.util.ArrayList;
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
 *
 * <p>"Consumed" is decided in rounds, because internal topics never stop growing: the app keeps broadcasting its
 * progress through them after the data is done. First every raw partition must be committed to its end. Then the ends
 * of the internal topics are noted, and must be committed; that covers every record derived from the raw input, since
 * an exactly-once task writes what it derives before it commits the offsets it derived it from. Records derived in
 * turn from those are covered by the next round; {@link #ROUNDS} rounds cover a topology whose records cross at most
 * that many internal topics one after the other.
 */
public final class GroupProgress {

    /** Internal topics a record may cross one after the other (the joins' chains are shorter). */
    static final int ROUNDS = 4;

    private final Admin admin;
    private final String groupId;
    private final Collection<String> rawTopics;
    private final Collection<String> optionalRawTopics;
    /** The internal topics' ends noted in the current round; null while the raw topics are not consumed. */
    private Map<TopicPartition, Long> roundTargets;
    private int roundsDone;

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

    /** True once the group has consumed all its input (see the class comment); call it repeatedly, it moves by rounds. */
    public boolean drained() throws ExecutionException, InterruptedException {
        return notDrained().isEmpty();
    }

    /** What the group has not committed yet, by partition with committed and target offsets; empty when drained. */
    public List<String> notDrained() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Set<String> raw = new HashSet<>(rawTopics);
        committed.keySet().stream().map(TopicPartition::topic).filter(optionalRawTopics::contains).forEach(raw::add);
        List<String> behind = behind(committed, ends(raw), 0);
        if (!behind.isEmpty()) {
            roundTargets = null;
            roundsDone = 0;
            return behind;
        }
        while (roundsDone < ROUNDS) {
            if (roundTargets == null) {
                Set<String> internal = new HashSet<>();
                committed.keySet().stream().map(TopicPartition::topic).filter(t -> !raw.contains(t)).forEach(internal::add);
                roundTargets = ends(internal);
            }
            // written transactionally: the last offset is a commit marker, which a consumer never returns
            behind = behind(committed, roundTargets, 1);
            if (!behind.isEmpty()) {
                return behind;
            }
            roundsDone++;
            roundTargets = null;
            committed = committed();
        }
        return List.of();
    }

    private static List<String> behind(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> targets,
                                       long markerSlack) {
        List<String> behind = new ArrayList<>();
        targets.forEach((partition, target) -> {
            OffsetAndMetadata done = committed.get(partition);
            if (target > 0 && (done == null || done.offset() < target - markerSlack)) {
                behind.add(partition + " committed " + (done == null ? "nothing" : done.offset()) + " of " + target);
            }
        });
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
