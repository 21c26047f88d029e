package io.ticketstream.braze.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark, reported not asserted: N client threads send /users/track requests of K events to
 * the simulator on loopback. Run: java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.ticketstream.braze.simulator.ThroughputProbe [clientThreads] [requests] [objectsPerRequest]
 */
public final class ThroughputProbe {

    /** CPU used by the simulator's request threads and the JDK server's dispatcher (the client's is left out). */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("braze-simulator-")
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int objects = args.length > 2 ? Integer.parseInt(args[2]) : 75;
        try (BrazeSimulator sim = BrazeSimulator.builder().apiKeys(Set.of("test-key"))
                .rateLimit(1_000_000, Duration.ofSeconds(3)).build().start()) {
            SimulatorClient client = new SimulatorClient(sim.baseUri());
            String[] bodies = new String[64];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = SimulatorClient.events(objects, "b" + i + "-");
            }
            // warm-up
            for (int i = 0; i < 500; i++) {
                client.track(bodies[i % bodies.length]);
            }
            sim.reset();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long serverCpuBefore = serverCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            int perClient = requests / clients;
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < perClient; r++) {
                        int status = client.track(bodies[(offset * perClient + r) % bodies.length]).statusCode();
                        if (status != 201) {
                            throw new IllegalStateException("status " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long serverCpu = serverCpuNanos() - serverCpuBefore;
            pool.shutdown();
            int total = perClient * clients;
            System.out.printf("%d client threads, %d requests x %d objects in %.2f s: %.0f requests/s, %.0f objects/s; accepted=%d%n",
                    clients, total, objects, seconds, total / seconds, total * objects / seconds, sim.acceptedCount());
            System.out.printf("server threads' CPU: %.0f us per request (%.2f CPU-s total) -> about %.0f requests/s per idle core%n",
                    serverCpu / 1e3 / total, serverCpu / 1e9, total / (serverCpu / 1e9));
            System.out.println(SimulatorClient.MAPPER.writeValueAsString(sim.stats().responsesByStatus()));
            long withObjects = usedHeapAfterGc();
            int count = sim.acceptedCount();
            sim.reset();
            long without = usedHeapAfterGc();
            System.out.printf("heap held by %d accepted objects: %.1f MB, about %d bytes each%n",
                    count, (withObjects - without) / 1e6, (withObjects - without) / Math.max(1, count));
        }
    }
}
