package io.ticketstream.connect.braze.delivery;

import static io.ticketstream.connect.braze.TestRecords.attributes;
import static io.ticketstream.connect.braze.TestRecords.event;
import static io.ticketstream.connect.braze.TestRecords.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.TestRecords;
import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.config.BehaviorOnError;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;

/** The engine against a scripted transport: bisection, per-object errors, retries, fatal errors, offsets. */
class DeliveryEngineTest {

    private static final TopicPartition TP = new TopicPartition(TestRecords.TOPIC, 0);
    private final List<SinkRecord> reported = new CopyOnWriteArrayList<>();
    private final List<Throwable> reasons = new CopyOnWriteArrayList<>();
    private final OffsetTracker offsets = new OffsetTracker();
    private DeliveryEngine engine;

    private DeliveryEngine engine(FakeTransport transport, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                BrazeSinkConfig.REST_URL, "http://localhost:1", BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true",
                BrazeSinkConfig.API_KEY, "k", BrazeSinkConfig.LINGER_MS, "0",
                BrazeSinkConfig.BACKOFF_INITIAL_MS, "1", BrazeSinkConfig.BACKOFF_MAX_MS, "5",
                BrazeSinkConfig.MAX_IN_FLIGHT, "2", BrazeSinkConfig.QUOTA_REQUESTS, "100000"));
        props.putAll(overrides);
        ErrorRouter router = new ErrorRouter((record, error) -> {
            reported.add(record);
            reasons.add(error);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }, BehaviorOnError.FAIL);
        engine = new DeliveryEngine(new BrazeSinkConfig(props), 1, transport, router, offsets, BrazeSinkTaskMetrics.detached(),
                System::currentTimeMillis, "test");
        engine.start();
        return engine;
    }

    private void send(List<Map<String, Object>> values) {
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            offsets.register(TP, i);
            records.add(pending(values.get(i), i));
        }
        engine.enqueue(records);
    }

    private void awaitCommitted(long offset) throws InterruptedException {
        TestUtils.waitForCondition(() -> {
            var c = offsets.committable().get(TP);
            return c != null && c.offset() == offset;
        }, 15_000, "offsets committable up to " + offset);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void a400IsBisectedToTheOffendingObjectAndTheRestIsDelivered() throws Exception {
        FakeTransport transport = new FakeTransport((path, body) -> body.toString().contains("poison")
                ? FakeTransport.status(400, "{\"message\":\"bad event\"}")
                : FakeTransport.status(201, "{\"message\":\"success\"}"));
        engine(transport, Map.of());
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(event("u" + i, i == 13 ? "poison" : "ok"));
        }
        send(values);
        awaitCommitted(20);
        assertEquals(1, reported.size());
        assertEquals(13L, reported.get(0).kafkaOffset());
        assertTrue(reasons.get(0).getMessage().contains("400"), reasons.get(0).getMessage());
        long deliveredOk = transport.requests.stream().filter(b -> !b.toString().contains("poison"))
                .mapToLong(b -> b.path("events").size()).sum();
        assertEquals(19, deliveredOk);
    }

    @Test
    void perObjectErrorsReportExactlyThoseRecordsIncludingAllMergedIntoOne() throws Exception {
        FakeTransport transport = new FakeTransport((path, body) -> FakeTransport.status(201,
                "{\"message\":\"success\",\"errors\":[{\"type\":\"invalid\",\"input_array\":\"attributes\",\"index\":0},"
                        + "{\"type\":\"bad name\",\"input_array\":\"events\",\"index\":1}]}"));
        engine(transport, Map.of(BrazeSinkConfig.LINGER_MS, "200"));
        send(List.of(attributes("u1", "a", 1), event("u2", "e0"), attributes("u1", "b", 2), event("u3", "e1"),
                event("u4", "e2")));
        awaitCommitted(5);
        assertEquals(1, transport.requests.size());
        assertEquals(List.of(0L, 2L, 3L), reported.stream().map(SinkRecord::kafkaOffset).sorted().toList());
    }

    @Test
    void serverErrorsAndConnectionErrorsAreRetriedUntilAccepted() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport transport = new FakeTransport((path, body) -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                return FakeTransport.status(503, "{\"message\":\"busy\"}");
            }
            if (n == 2) {
                throw new IOException("connection reset");
            }
            return FakeTransport.status(201, "{\"message\":\"success\"}");
        });
        engine(transport, Map.of());
        send(List.of(event("u1", "e")));
        awaitCommitted(1);
        assertEquals(3, calls.get());
        assertTrue(reported.isEmpty());
    }

    @Test
    void tooManyRequestsIsWaitedOutAndRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport transport = new FakeTransport((path, body) -> calls.incrementAndGet() == 1
                ? new io.ticketstream.connect.braze.http.HttpResult(429, Map.of("Retry-After", List.of("0")), new byte[0])
                : FakeTransport.status(201, "{\"message\":\"success\"}"));
        engine(transport, Map.of());
        send(List.of(event("u1", "e")));
        awaitCommitted(1);
        assertEquals(2, calls.get());
    }

    @Test
    void retryTimeoutFailsTheEngineAndCommitsNothingUndelivered() throws Exception {
        FakeTransport transport = new FakeTransport((path, body) -> FakeTransport.status(500, "{\"message\":\"down\"}"));
        engine(transport, Map.of(BrazeSinkConfig.RETRY_TIMEOUT_MS, "50"));
        send(List.of(event("u1", "e")));
        TestUtils.waitForCondition(() -> engine.failure() != null, 15_000, "engine failed");
        assertTrue(engine.failure().getMessage().contains("500"), engine.failure().getMessage());
        assertEquals(0L, offsets.committable().get(TP).offset());
    }

    @Test
    void unauthorizedFailsWithAMessageNamingTheHostButNeverTheKey() throws Exception {
        FakeTransport transport = new FakeTransport((path, body) -> FakeTransport.status(401, "{\"message\":\"Invalid API Key\"}"));
        engine(transport, Map.of(BrazeSinkConfig.API_KEY, "super-secret-key"));
        send(List.of(event("u1", "e")));
        TestUtils.waitForCondition(() -> engine.failure() != null, 15_000, "engine failed");
        String message = engine.failure().getMessage();
        assertTrue(message.contains("https://rest.fake-01.braze.com") && message.contains("401")
                && message.contains(BrazeSinkConfig.REST_URL), message);
        assertFalse(message.contains("super-secret-key"), message);
    }

    @Test
    void forbiddenNamesTheMissingPermission() throws Exception {
        FakeTransport transport = new FakeTransport((path, body) -> FakeTransport.status(403, "{\"message\":\"no\"}"));
        engine(transport, Map.of());
        send(List.of(event("u1", "e")));
        TestUtils.waitForCondition(() -> engine.failure() != null, 15_000, "engine failed");
        assertTrue(engine.failure().getMessage().contains("users.track"), engine.failure().getMessage());
    }

    @Test
    void oneUsersRecordsAreNeverInTwoConcurrentRequests() throws Exception {
        java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger violations = new AtomicInteger();
        FakeTransport transport = new FakeTransport((path, body) -> {
            List<String> users = new ArrayList<>();
            body.path("events").forEach(e -> users.add(e.get("external_id").asText()));
            for (String u : new java.util.HashSet<>(users)) {
                if (!inFlight.add(u)) {
                    violations.incrementAndGet();
                }
            }
            try {
                Thread.sleep(2); // hold the request open so overlaps can happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            users.forEach(inFlight::remove);
            return FakeTransport.status(201, "{\"message\":\"success\"}");
        });
        engine(transport, Map.of(BrazeSinkConfig.MAX_IN_FLIGHT, "4", BrazeSinkConfig.TRACK_MAX_OBJECTS, "5"));
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add(event("u" + (i % 7), "e" + i));
        }
        send(values);
        awaitCommitted(400);
        assertEquals(0, violations.get());
        // order per user: e-numbers of one user increase across requests
        Map<String, Integer> last = new HashMap<>();
        transport.requests.forEach(b -> b.path("events").forEach(e -> {
            int n = Integer.parseInt(e.get("name").asText().substring(1));
            Integer prev = last.put(e.get("external_id").asText(), n);
            assertTrue(prev == null || prev < n, "order kept for " + e.get("external_id"));
        }));
    }

    @Test
    void commitStopsAtTheFirstUndeliveredOffset() {
        OffsetTracker tracker = new OffsetTracker();
        for (long o = 10; o < 15; o++) {
            tracker.register(TP, o);
        }
        tracker.markDone(TP, 10);
        tracker.markDone(TP, 12);
        tracker.markDone(TP, 13);
        assertEquals(11L, tracker.committable().get(TP).offset());
        tracker.markDone(TP, 11);
        assertEquals(14L, tracker.committable().get(TP).offset());
        tracker.markDone(TP, 14);
        assertEquals(15L, tracker.committable().get(TP).offset());
        assertNotNull(tracker);
    }
}
