package io.ticketstream.connect.braze.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import io.ticketstream.connect.braze.config.ObjectCapMode;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.connect.braze.record.UserKey;

/**
 * Buffered records in the order put() received them (offset order within each partition), and the batch building
 * over them. Not thread-safe: the delivery engine calls it under its lock.
 *
 * <p>Why arrival order: Connect may commit a partition only up to its lowest undelivered offset. Filling requests
 * user by user (all of the first-seen user's records, then the next user's) delivered high offsets while low ones
 * of users seen later waited, so the committable prefix stood still and a crash re-sent everything delivered
 * beyond it (issue 12: 10,570 objects delivered but not committable). Requests now take the OLDEST records first.
 *
 * <p>Per-user order still holds: a record is taken only if its user has no request in flight and none of the user's
 * earlier records was left behind in this scan, so one user's records are never in two concurrent requests and
 * events/purchases keep their order; a subscription change of a user holds back that user's later track records
 * until it is sent (and the other way round), which keeps the order across both endpoints.
 */
public final class RecordBuffer {

    /** Fixed JSON around the arrays, for the payload estimate. */
    private static final int ENVELOPE_BYTES = 64;

    /** Arrival sequence → record; iteration is arrival order, removal from the middle is cheap. */
    private final TreeMap<Long, PendingRecord> records = new TreeMap<>();
    private final Set<UserKey> inFlight = new HashSet<>();
    private final int maxObjects;
    private final ObjectCapMode capMode;
    private final int maxPayloadBytes;
    private final int subscriptionMaxIds;
    private final int subscriptionMaxEntries;
    private long nextSequence;
    private int trackSize;
    private int subscriptionSize;
    private int deleteSize;
    private long mergedUpdates;

    public RecordBuffer(int maxObjects, ObjectCapMode capMode, int maxPayloadBytes, int subscriptionMaxIds,
                        int subscriptionMaxEntries) {
        this.maxObjects = maxObjects;
        this.capMode = capMode;
        this.maxPayloadBytes = maxPayloadBytes;
        this.subscriptionMaxIds = subscriptionMaxIds;
        this.subscriptionMaxEntries = subscriptionMaxEntries;
    }

    public void add(PendingRecord record) {
        records.put(nextSequence++, record);
        count(record, 1);
    }

    private void count(PendingRecord record, int delta) {
        BrazeType type = record.object().type();
        if (type.isTrack()) {
            trackSize += delta;
        } else if (type == BrazeType.SUBSCRIPTION) {
            subscriptionSize += delta;
        } else {
            deleteSize += delta;
        }
    }

    public int deleteSize() {
        return deleteSize;
    }

    public int size() {
        return records.size();
    }

    public int trackSize() {
        return trackSize;
    }

    public int subscriptionSize() {
        return subscriptionSize;
    }

    /** Attribute updates merged into another object so far (each one a data point not billed twice). */
    public long mergedUpdates() {
        return mergedUpdates;
    }

    /** Enqueue time of the oldest buffered record, or -1 when empty. */
    public long oldestEnqueuedAt() {
        return records.isEmpty() ? -1 : records.firstEntry().getValue().enqueuedAtMillis();
    }

    /** Marks the request's users as no longer in flight. */
    public void release(BrazeRequest request) {
        for (PendingRecord record : request.records()) {
            inFlight.remove(record.object().user());
        }
    }

    /** Drops buffered records of these partitions (revoked: another task will get them again). */
    public List<PendingRecord> removePartitions(Collection<TopicPartition> partitions) {
        List<PendingRecord> removed = new ArrayList<>();
        for (Iterator<PendingRecord> it = records.values().iterator(); it.hasNext(); ) {
            PendingRecord r = it.next();
            if (partitions.contains(r.partition())) {
                removed.add(r);
                it.remove();
                count(r, -1);
            }
        }
        return removed;
    }

    /**
     * Takes the next /users/track request from the buffer, oldest records first (records leave the buffer, their
     * users become in flight), or returns null when no buffered track record may go now.
     */
    public TrackRequest nextTrackRequest() {
        List<RequestObject> attributes = new ArrayList<>();
        List<RequestObject> events = new ArrayList<>();
        List<RequestObject> purchases = new ArrayList<>();
        Map<UserKey, RequestObject> userAttributes = new HashMap<>();
        Set<UserKey> taken = new HashSet<>();
        Set<UserKey> leftBehind = new HashSet<>();
        int bytes = ENVELOPE_BYTES;
        for (Iterator<PendingRecord> it = records.values().iterator(); it.hasNext(); ) {
            if (full(attributes.size(), events.size(), purchases.size())) {
                break;
            }
            PendingRecord next = it.next();
            UserKey user = next.object().user();
            if (inFlight.contains(user) || leftBehind.contains(user)) {
                continue;
            }
            BrazeType type = next.object().type();
            int cost = next.object().jsonBytes() + 1;
            RequestObject merged = type == BrazeType.ATTRIBUTES ? userAttributes.get(user) : null;
            if (!type.isTrack() || bytes + cost > maxPayloadBytes
                    || (merged == null && !fits(type, attributes.size(), events.size(), purchases.size()))) {
                leftBehind.add(user); // its later records must wait for this one
                continue;
            }
            if (merged != null) {
                merged.merge(next);
                mergedUpdates++;
            } else {
                RequestObject object = new RequestObject(next);
                (type == BrazeType.ATTRIBUTES ? attributes : type == BrazeType.EVENT ? events : purchases).add(object);
                if (type == BrazeType.ATTRIBUTES) {
                    userAttributes.put(user, object);
                }
            }
            it.remove();
            bytes += cost;
            trackSize--;
            taken.add(user);
        }
        if (taken.isEmpty()) {
            return null;
        }
        inFlight.addAll(taken);
        return new TrackRequest(attributes, events, purchases);
    }

    /** A track request of these records (in this order), attribute updates of one user merged again. */
    public static TrackRequest trackRequestOf(List<PendingRecord> records) {
        List<RequestObject> attributes = new ArrayList<>();
        List<RequestObject> events = new ArrayList<>();
        List<RequestObject> purchases = new ArrayList<>();
        Map<UserKey, RequestObject> userAttributes = new HashMap<>();
        for (PendingRecord record : records) {
            BrazeType type = record.object().type();
            RequestObject merged = type == BrazeType.ATTRIBUTES ? userAttributes.get(record.object().user()) : null;
            if (merged != null) {
                merged.merge(record);
                continue;
            }
            RequestObject object = new RequestObject(record);
            (type == BrazeType.ATTRIBUTES ? attributes : type == BrazeType.EVENT ? events : purchases).add(object);
            if (type == BrazeType.ATTRIBUTES) {
                userAttributes.put(record.object().user(), object);
            }
        }
        return new TrackRequest(attributes, events, purchases);
    }

    private boolean full(int a, int e, int p) {
        return capMode == ObjectCapMode.COMBINED ? a + e + p >= maxObjects
                : a >= maxObjects && e >= maxObjects && p >= maxObjects;
    }

    private boolean fits(BrazeType type, int a, int e, int p) {
        if (capMode == ObjectCapMode.COMBINED) {
            return a + e + p < maxObjects;
        }
        int inArray = type == BrazeType.ATTRIBUTES ? a : type == BrazeType.EVENT ? e : p;
        return inArray < maxObjects;
    }

    /** Whether a track request built now would be full (no reason to linger). */
    public boolean trackWouldBeFull() {
        return capMode == ObjectCapMode.COMBINED ? trackSize >= maxObjects : trackSize >= 3 * maxObjects;
    }

    public boolean subscriptionWouldBeFull() {
        return subscriptionSize >= subscriptionMaxIds * subscriptionMaxEntries;
    }

    /**
     * Takes the next subscription request: at most one change per user (two changes of one user in one request
     * would have no defined order), grouped into at most {@code subscriptionMaxEntries} entries.
     */
    /**
     * Takes the next /users/delete request: users whose oldest buffered record is their deletion, one per user, at
     * most {@link DeleteRequest#MAX_IDS}. Earlier records of a user go first; later ones wait for the deletion.
     */
    public DeleteRequest nextDeleteRequest() {
        List<PendingRecord> deletions = new ArrayList<>();
        Set<UserKey> seen = new HashSet<>();
        for (Iterator<PendingRecord> it = records.values().iterator(); it.hasNext() && deletions.size() < DeleteRequest.MAX_IDS; ) {
            PendingRecord next = it.next();
            UserKey user = next.object().user();
            if (!seen.add(user) || inFlight.contains(user) || next.object().type() != BrazeType.USER_DELETE) {
                continue;
            }
            deletions.add(next);
            it.remove();
            inFlight.add(user);
            deleteSize--;
        }
        return deletions.isEmpty() ? null : new DeleteRequest(deletions);
    }

    public SubscriptionRequest nextSubscriptionRequest() {
        List<PendingRecord> changes = new ArrayList<>();
        Map<String, Integer> idsPerGroup = new HashMap<>();
        Set<UserKey> seen = new HashSet<>();
        int bytes = ENVELOPE_BYTES;
        for (Iterator<PendingRecord> it = records.values().iterator(); it.hasNext(); ) {
            PendingRecord next = it.next();
            UserKey user = next.object().user();
            // only a user's OLDEST buffered record may go, and only one change per user per request
            if (!seen.add(user) || inFlight.contains(user) || next.object().type() != BrazeType.SUBSCRIPTION) {
                continue;
            }
            String key = SubscriptionRequest.groupKey(next.object().subscription());
            idsPerGroup.merge(key, 1, Integer::sum);
            int cost = next.object().jsonBytes() + 96; // an entry's fixed fields, when it opens one
            if (SubscriptionRequest.entriesFor(idsPerGroup, subscriptionMaxIds) > subscriptionMaxEntries
                    || bytes + cost > maxPayloadBytes) {
                idsPerGroup.merge(key, -1, Integer::sum);
                continue;
            }
            bytes += cost;
            changes.add(next);
            it.remove();
            inFlight.add(user);
            subscriptionSize--;
        }
        return changes.isEmpty() ? null : new SubscriptionRequest(changes, subscriptionMaxIds);
    }
}
