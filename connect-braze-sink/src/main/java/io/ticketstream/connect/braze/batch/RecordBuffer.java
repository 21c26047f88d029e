package io.ticketstream.connect.braze.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import io.ticketstream.connect.braze.config.ObjectCapMode;
import io.ticketstream.connect.braze.record.BrazeType;
import io.ticketstream.connect.braze.record.UserKey;

/**
 * Buffered records, one FIFO queue per user, and the batch building over them. Not thread-safe: the delivery
 * engine calls it under its lock.
 *
 * <p>Why per-user queues: a request takes records only from the HEAD of a user's queue and only for users with
 * no request in flight, so one user's records are never in two concurrent requests and events/purchases keep
 * their order; a subscription change at the head blocks later track records of that user until it is sent
 * (and the other way round), which keeps the order across both endpoints.
 */
public final class RecordBuffer {

    /** Fixed JSON around the arrays, for the payload estimate. */
    private static final int ENVELOPE_BYTES = 64;

    private final LinkedHashMap<UserKey, ArrayDeque<PendingRecord>> queues = new LinkedHashMap<>();
    private final Set<UserKey> inFlight = new HashSet<>();
    private final int maxObjects;
    private final ObjectCapMode capMode;
    private final int maxPayloadBytes;
    private final int subscriptionMaxIds;
    private final int subscriptionMaxEntries;
    private int size;
    private int trackSize;
    private int subscriptionSize;
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
        queues.computeIfAbsent(record.object().user(), u -> new ArrayDeque<>()).addLast(record);
        size++;
        if (record.object().type().isTrack()) {
            trackSize++;
        } else {
            subscriptionSize++;
        }
    }

    public int size() {
        return size;
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

    /** Enqueue time of the longest-waiting user's head record, or -1 when empty. */
    public long oldestEnqueuedAt() {
        long oldest = -1;
        int looked = 0;
        for (ArrayDeque<PendingRecord> queue : queues.values()) {
            long at = queue.peekFirst().enqueuedAtMillis();
            oldest = oldest < 0 ? at : Math.min(oldest, at);
            if (++looked >= 8) {
                break; // insertion order: the first users are the oldest ones; a bounded look is enough
            }
        }
        return oldest;
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
        for (Iterator<ArrayDeque<PendingRecord>> it = queues.values().iterator(); it.hasNext(); ) {
            ArrayDeque<PendingRecord> queue = it.next();
            queue.removeIf(r -> {
                if (partitions.contains(r.partition())) {
                    removed.add(r);
                    return true;
                }
                return false;
            });
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        for (PendingRecord r : removed) {
            size--;
            if (r.object().type().isTrack()) {
                trackSize--;
            } else {
                subscriptionSize--;
            }
        }
        return removed;
    }

    /**
     * Takes the next /users/track request from the buffer (records leave the buffer, their users become in
     * flight), or returns null when no user with a track record at its head is free.
     */
    public TrackRequest nextTrackRequest() {
        List<RequestObject> attributes = new ArrayList<>();
        List<RequestObject> events = new ArrayList<>();
        List<RequestObject> purchases = new ArrayList<>();
        int bytes = ENVELOPE_BYTES;
        Set<UserKey> taken = new HashSet<>();
        for (Iterator<Map.Entry<UserKey, ArrayDeque<PendingRecord>>> it = queues.entrySet().iterator(); it.hasNext(); ) {
            if (full(attributes.size(), events.size(), purchases.size())) {
                break;
            }
            Map.Entry<UserKey, ArrayDeque<PendingRecord>> entry = it.next();
            if (inFlight.contains(entry.getKey())) {
                continue;
            }
            ArrayDeque<PendingRecord> queue = entry.getValue();
            RequestObject userAttributes = null;
            while (!queue.isEmpty() && queue.peekFirst().object().type().isTrack()) {
                PendingRecord next = queue.peekFirst();
                int cost = next.object().jsonBytes() + 1;
                if (bytes + cost > maxPayloadBytes) {
                    break;
                }
                BrazeType type = next.object().type();
                if (type == BrazeType.ATTRIBUTES && userAttributes != null) {
                    userAttributes.merge(next);
                    mergedUpdates++;
                } else if (fits(type, attributes.size(), events.size(), purchases.size())) {
                    RequestObject object = new RequestObject(next);
                    (type == BrazeType.ATTRIBUTES ? attributes : type == BrazeType.EVENT ? events : purchases).add(object);
                    if (type == BrazeType.ATTRIBUTES) {
                        userAttributes = object;
                    }
                } else {
                    break;
                }
                queue.pollFirst();
                bytes += cost;
                size--;
                trackSize--;
                taken.add(entry.getKey());
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        if (taken.isEmpty()) {
            return null;
        }
        inFlight.addAll(taken);
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
    public SubscriptionRequest nextSubscriptionRequest() {
        List<PendingRecord> changes = new ArrayList<>();
        Map<String, Integer> idsPerGroup = new HashMap<>();
        int bytes = ENVELOPE_BYTES;
        for (Iterator<Map.Entry<UserKey, ArrayDeque<PendingRecord>>> it = queues.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<UserKey, ArrayDeque<PendingRecord>> entry = it.next();
            ArrayDeque<PendingRecord> queue = entry.getValue();
            if (inFlight.contains(entry.getKey()) || queue.peekFirst().object().type() != BrazeType.SUBSCRIPTION) {
                continue;
            }
            PendingRecord next = queue.peekFirst();
            String key = SubscriptionRequest.groupKey(next.object().subscription());
            idsPerGroup.merge(key, 1, Integer::sum);
            int cost = next.object().jsonBytes() + 96; // an entry's fixed fields, when it opens one
            if (SubscriptionRequest.entriesFor(idsPerGroup, subscriptionMaxIds) > subscriptionMaxEntries
                    || bytes + cost > maxPayloadBytes) {
                idsPerGroup.merge(key, -1, Integer::sum);
                continue;
            }
            bytes += cost;
            changes.add(queue.pollFirst());
            inFlight.add(entry.getKey());
            size--;
            subscriptionSize--;
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        return changes.isEmpty() ? null : new SubscriptionRequest(changes, subscriptionMaxIds);
    }
}
