package io.ticketstream.connect.braze.batch;

import static io.ticketstream.connect.braze.TestRecords.attributes;
import static io.ticketstream.connect.braze.TestRecords.event;
import static io.ticketstream.connect.braze.TestRecords.pending;
import static io.ticketstream.connect.braze.TestRecords.purchase;
import static io.ticketstream.connect.braze.TestRecords.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.config.ObjectCapMode;
import io.ticketstream.connect.braze.http.Json;

class RecordBufferTest {

    private RecordBuffer buffer(int cap, ObjectCapMode mode) {
        return new RecordBuffer(cap, mode, 4_000_000, 50, 10);
    }

    @Test
    void attributeUpdatesOfOneUserMergeLastWriteWinsAndCountOnce() throws Exception {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        buffer.add(pending(attributes("u1", "city", "Leeds"), 0));
        buffer.add(pending(attributes("u1", "tier", "GOLD"), 1));
        buffer.add(pending(attributes("u1", "city", "York"), 2));
        TrackRequest request = buffer.nextTrackRequest();
        assertEquals(1, request.objectCount());
        assertEquals(3, request.records().size());
        assertEquals(2, buffer.mergedUpdates());
        assertEquals("{\"attributes\":[{\"external_id\":\"u1\",\"city\":\"York\",\"tier\":\"GOLD\"}]}",
                new String(request.body()));
        assertEquals(List.of(0L, 1L, 2L), request.recordsAt("attributes", 0).stream().map(PendingRecord::offset).toList());
    }

    /**
     * Regression: merging two attribute updates of one user kept only the later subscription_groups list, so
     * an earlier opt-in change of another group never reached Braze.
     */
    @Test
    void subscriptionGroupChangesOfOneUserMergeByGroupInsteadOfReplacingTheList() throws Exception {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        buffer.add(pending(attributes("u1", "subscription_groups",
                List.of(Map.of("subscription_group_id", "email-news", "subscription_state", "subscribed"))), 0));
        buffer.add(pending(attributes("u1", "subscription_groups",
                List.of(Map.of("subscription_group_id", "sms-offers", "subscription_state", "subscribed"))), 1));
        buffer.add(pending(attributes("u1", "subscription_groups",
                List.of(Map.of("subscription_group_id", "email-news", "subscription_state", "unsubscribed"))), 2));
        TrackRequest request = buffer.nextTrackRequest();
        assertEquals(1, request.objectCount());
        assertEquals(Json.MAPPER.readTree("{\"attributes\":[{\"external_id\":\"u1\",\"subscription_groups\":["
                        + "{\"subscription_group_id\":\"sms-offers\",\"subscription_state\":\"subscribed\"},"
                        + "{\"subscription_group_id\":\"email-news\",\"subscription_state\":\"unsubscribed\"}]}]}"),
                Json.MAPPER.readTree(request.body()));
    }

    @Test
    void bodyCombinesTheThreeArraysExactlyAsBrazeExpects() throws Exception {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        buffer.add(pending(event("u1", "viewed"), 0));
        buffer.add(pending(purchase("u2", "p1"), 1));
        buffer.add(pending(attributes("u3", "tier", "GOLD"), 2));
        assertEquals(Json.MAPPER.readTree("{\"attributes\":[{\"external_id\":\"u3\",\"tier\":\"GOLD\"}],"
                        + "\"events\":[{\"external_id\":\"u1\",\"name\":\"viewed\",\"time\":\"2027-03-01T08:30:00Z\"}],"
                        + "\"purchases\":[{\"external_id\":\"u2\",\"product_id\":\"p1\",\"currency\":\"GBP\",\"price\":10.00,"
                        + "\"time\":\"2027-03-01T08:30:00Z\"}]}"),
                Json.MAPPER.readTree(buffer.nextTrackRequest().body()));
    }

    @Test
    void combinedCapCountsAllArraysTogether() {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        for (int i = 0; i < 100; i++) {
            buffer.add(pending(i % 2 == 0 ? event("u" + i, "e") : purchase("u" + i, "p"), i));
        }
        assertEquals(75, buffer.nextTrackRequest().objectCount());
        assertEquals(25, buffer.nextTrackRequest().objectCount());
        assertNull(buffer.nextTrackRequest());
    }

    @Test
    void perArrayCapAllowsTheCapInEachArray() {
        RecordBuffer buffer = buffer(2, ObjectCapMode.PER_ARRAY);
        for (int i = 0; i < 4; i++) {
            buffer.add(pending(event("e" + i, "e"), i));
            buffer.add(pending(purchase("p" + i, "p"), 10 + i));
        }
        TrackRequest request = buffer.nextTrackRequest();
        assertEquals(2, request.events().size());
        assertEquals(2, request.purchases().size());
    }

    @Test
    void aUserInFlightIsNotInAnotherRequestAndKeepsItsOrder() {
        RecordBuffer buffer = buffer(2, ObjectCapMode.COMBINED);
        buffer.add(pending(event("u1", "first"), 0));
        buffer.add(pending(event("u1", "second"), 1));
        buffer.add(pending(event("u1", "third"), 2));
        buffer.add(pending(event("u2", "other"), 3));
        TrackRequest first = buffer.nextTrackRequest();
        assertEquals(List.of(0L, 1L), first.records().stream().map(PendingRecord::offset).toList());
        TrackRequest second = buffer.nextTrackRequest();
        assertEquals(List.of(3L), second.records().stream().map(PendingRecord::offset).toList(), "u1 is in flight");
        assertNull(buffer.nextTrackRequest());
        buffer.release(first);
        assertEquals(List.of(2L), buffer.nextTrackRequest().records().stream().map(PendingRecord::offset).toList());
    }

    @Test
    void subscriptionChangeAtTheHeadHoldsBackLaterTrackRecordsOfThatUser() {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        buffer.add(pending(subscription("external_id", "u1", "g", "subscribed"), 0));
        buffer.add(pending(event("u1", "after"), 1));
        assertNull(buffer.nextTrackRequest());
        SubscriptionRequest sub = buffer.nextSubscriptionRequest();
        assertEquals(1, sub.objectCount());
        buffer.release(sub);
        assertEquals(1, buffer.nextTrackRequest().objectCount());
    }

    @Test
    void subscriptionEntriesGroupByGroupStateAndIdKindWithAtMost50Ids() throws Exception {
        RecordBuffer buffer = new RecordBuffer(75, ObjectCapMode.COMBINED, 4_000_000, 50, 10);
        for (int i = 0; i < 60; i++) {
            buffer.add(pending(subscription("email", "e" + i + "@x.io", "g1", "unsubscribed"), i));
        }
        buffer.add(pending(subscription("phone", "+4400", "g1", "unsubscribed"), 100));
        var body = Json.MAPPER.readTree(buffer.nextSubscriptionRequest().body()).get("subscription_groups");
        assertEquals(3, body.size());
        assertEquals(50, body.get(0).get("emails").size());
        assertEquals(10, body.get(1).get("emails").size());
        assertEquals(1, body.get(2).get("phones").size());
        assertNull(body.get(2).get("emails"));
    }

    @Test
    void splitKeepsObjectOrderAndRecordMapping() {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        for (int i = 0; i < 5; i++) {
            buffer.add(pending(event("u" + i, "e"), i));
        }
        List<BrazeRequest> halves = buffer.nextTrackRequest().split();
        assertEquals(List.of(0L, 1L), halves.get(0).records().stream().map(PendingRecord::offset).toList());
        assertEquals(List.of(2L, 3L, 4L), halves.get(1).records().stream().map(PendingRecord::offset).toList());
    }

    /**
     * Regression (issue 12, item 2): requests were filled user by user in first-seen order, so the first user's
     * late offsets went out while low offsets of users seen later waited, and the committable prefix stood still.
     * Requests now take the oldest records first.
     */
    @Test
    void requestsTakeTheOldestRecordsFirstSoTheCommittablePrefixMoves() {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        for (int i = 0; i < 300; i++) {
            // user u0 has a record every 10 offsets; the others one each
            buffer.add(pending(event(i % 10 == 0 ? "u0" : "u" + i, "e"), i));
        }
        TrackRequest first = buffer.nextTrackRequest();
        List<Long> offsets = first.records().stream().map(PendingRecord::offset).sorted().toList();
        assertEquals(java.util.stream.LongStream.range(0, 75).boxed().toList(), offsets);
    }

    @Test
    void aUserLeftBehindKeepsItsLaterRecordsBehindToo() {
        RecordBuffer buffer = buffer(2, ObjectCapMode.COMBINED);
        buffer.add(pending(event("a", "1"), 0));
        buffer.add(pending(event("b", "1"), 1));
        buffer.add(pending(event("c", "1"), 2)); // does not fit: c is left behind
        buffer.add(pending(event("c", "2"), 3));
        TrackRequest first = buffer.nextTrackRequest();
        assertEquals(List.of(0L, 1L), first.records().stream().map(PendingRecord::offset).toList());
        assertEquals(List.of(2L, 3L), buffer.nextTrackRequest().records().stream().map(PendingRecord::offset).toList());
    }

    @Test
    void requestWithoutRevokedPartitionsKeepsTheRestAndMergesAgain() {
        RecordBuffer buffer = buffer(75, ObjectCapMode.COMBINED);
        buffer.add(pending(event("a", "1"), 0));
        TrackRequest request = buffer.nextTrackRequest();
        assertNull(request.without(java.util.Set.of(new org.apache.kafka.common.TopicPartition(
                io.ticketstream.connect.braze.TestRecords.TOPIC, 0))));
        assertEquals(request, request.without(java.util.Set.of(new org.apache.kafka.common.TopicPartition("other", 0))));
    }
}
