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

    /** Holds the first request inside its in-flight section until the second one is in flight too. */
    private int overlappingPair(String first, String second) throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        sim.beforeApplyHook(sequence -> {
            if (sequence == 1) {
                firstInside.countDown();
                assertTrue(secondInside.await(60, TimeUnit.SECONDS), "second request never arrived");
            } else {
                secondInside.countDown();
            }
        });
        Future<Integer> a = pool.submit(() -> client.track(first).statusCode());
        assertTrue(firstInside.await(60, TimeUnit.SECONDS));
        Future<Integer> b = pool.submit(() -> client.track(second).statusCode());
        assertEquals(201, b.get(60, TimeUnit.SECONDS));
        assertEquals(201, a.get(60, TimeUnit.SECONDS));
        return (int) sim.stats().userConcurrencyViolations();
    }
}
