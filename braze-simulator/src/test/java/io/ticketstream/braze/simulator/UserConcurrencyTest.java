package io.ticketstream.braze.simulator;

import static io.ticketstream.braze.simulator.SimulatorClient.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real concurrent requests, made to overlap with latches (no sleeps). */
class UserConcurrencyTest {

    private BrazeSimulator sim;
    private SimulatorClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key")).build().start();
        client = new SimulatorClient(sim.baseUri());
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        sim.close();
    }

    @Test
    void twoInFlightRequestsNamingTheSameUserAreAViolation() throws Exception {
        assertEquals(1, overlappingPair("{\"events\":[" + event("same", "a") + "]}",
                "{\"attributes\":[{\"external_id\":\"same\",\"x\":1}]}"));
        SimulatorStats stats = sim.stats();
        assertEquals(1, stats.userConcurrencyViolations());
        assertEquals(2, stats.maxConcurrentRequestsForOneUser());
        assertTrue(stats.maxConcurrentRequests() >= 2);
    }

    @Test
    void overlappingRequestsForDifferentUsersAreFine() throws Exception {
        assertEquals(0, overlappingPair("{\"events\":[" + event("one", "a") + "]}",
                "{\"events\":[" + event("two", "a") + "]}"));
        assertEquals(1, sim.stats().maxConcurrentRequestsForOneUser());
    }

    @Test
    void sameUserTwiceInOneRequestIsNotAViolation() throws Exception {
        client.track("{\"events\":[" + event("u", "a") + "," + event("u", "b") + "]}");
        assertEquals(0, sim.stats().userConcurrencyViolations());
        assertEquals(1, sim.stats().maxConcurrentRequestsForOneUser());
    }

    @Test
    void manyConcurrentClientsLoseNothing() throws Exception {
        int threads = 8;
        int requestsPerThread = 40;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            futures.add(pool.submit(() -> {
                for (int r = 0; r < requestsPerThread; r++) {
                    int status = client.track(SimulatorClient.events(10, prefix + r + "-")).statusCode();
                    assertEquals(201, status);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        assertEquals(threads * requestsPerThread * 10, sim.acceptedCount());
        assertEquals(0, sim.stats().userConcurrencyViolations());
        // each request's objects stay together, in index order
        List<AcceptedObject> all = sim.accepted();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i % 10, all.get(i).index());
            assertEquals(all.get(i - i % 10).requestSequence(), all.get(i).requestSequence());
        }
    }

    @Test
    void aRequestThatArrivedBeforeAnotherForTheSameUserFinishedIsAViolationEvenIfParsedAfter() throws Exception {
        // A arrives first but is held before parsing; B for the same user runs to completion; then A goes on.
        CountDownLatch aArrived = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        sim.testHooks(new SimulatorCore.TestHooks() {
            @Override
            public void afterArrival(long sequence) {
                if (sequence == 1) {
                    aArrived.countDown();
                    await(bDone);
                }
            }
        });
        Future<Integer> a = pool.submit(() -> client.track("{\"events\":[" + event("same", "a") + "]}").statusCode());
        assertTrue(aArrived.await(60, TimeUnit.SECONDS));
        assertEquals(201, client.track("{\"events\":[" + event("same", "b") + "]}").statusCode());
        bDone.countDown();
        assertEquals(201, a.get(60, TimeUnit.SECONDS));
        assertEquals(1, sim.stats().userConcurrencyViolations());
    }

    @Test
    void aClientThatWaitsForEachResponseIsNeverFlagged() throws Exception {
        // Regression guard: a user must leave the in-flight set before its response is written,
        // or the client's next request could race the server thread and be flagged falsely.
        for (int i = 0; i < 200; i++) {
            assertEquals(201, client.track("{\"events\":[" + event("same", "e" + i) + "]}").statusCode());
        }
        assertEquals(0, sim.stats().userConcurrencyViolations());
        assertEquals(1, sim.stats().maxConcurrentRequestsForOneUser());
    }

    /** Holds the first request inside its in-flight section until the second one is in flight too. */
    private int overlappingPair(String first, String second) throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        sim.testHooks(new SimulatorCore.TestHooks() {
            @Override
            public void beforeApply(long sequence) {
                if (sequence == 1) {
                    firstInside.countDown();
                    await(secondInside);
                } else {
                    secondInside.countDown();
                }
            }
        });
        Future<Integer> a = pool.submit(() -> client.track(first).statusCode());
        assertTrue(firstInside.await(60, TimeUnit.SECONDS));
        Future<Integer> b = pool.submit(() -> client.track(second).statusCode());
        assertEquals(201, b.get(60, TimeUnit.SECONDS));
        assertEquals(201, a.get(60, TimeUnit.SECONDS));
        return (int) sim.stats().userConcurrencyViolations();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the other request never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
