package io.ticketstream.bench.braze;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.config.BehaviorOnError;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.delivery.DeliveryEngine;
import io.ticketstream.connect.braze.delivery.ErrorRouter;
import io.ticketstream.connect.braze.delivery.OffsetTracker;
import io.ticketstream.connect.braze.http.JdkBrazeTransport;
import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;
import io.ticketstream.connect.braze.record.BrazeObjectParser;

/**
 * Braze sink delivery engine against the Braze simulator (a local stand-in for Braze, not Braze) with a backlog,
 * versus a generic-HTTP-sink baseline (one request per record, retry on 429). Reported, not asserted.
 *
 * <p>Args: [objects=500000] [quotaRequests=300] [windowSeconds=3] [baselineSample=2000] [maxInFlight=8].
 */
public final class BrazeSinkBenchmark {

    private static final String KEY = "bench-key";
    private static int maxInFlight;

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int quota = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int baselineSample = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        maxInFlight = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        double quotaPerSecond = (double) quota / windowSeconds;
        System.out.printf("Braze sink benchmark (simulator stand-in): %,d objects, quota %d requests per %d s%n",
                objects, quota, windowSeconds);

        double sinkSeconds = runSink(objects, quota, windowSeconds, quotaPerSecond);
        double baselineSecondsPerRecord = runBaseline(baselineSample, quota, windowSeconds);
        double baselineExtrapolated = baselineSecondsPerRecord * objects;
        System.out.printf("baseline (one request per record, retry on 429): %,d-record sample took %.1f s; "
                        + "extrapolated to %,d records: %.0f s%n", baselineSample, baselineSecondsPerRecord * baselineSample,
                objects, baselineExtrapolated);
        System.out.printf("delivery time ratio baseline / sink: %.1fx%n", baselineExtrapolated / sinkSeconds);
    }

    private static List<Map<String, Object>> values(int count) {
        List<Map<String, Object>> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = "U-" + (i % 100_000);
            int kind = i % 5;
            if (kind == 0) {
                values.add(Map.of("braze_type", "attributes", "external_id", user, "last_seq", i, "tier", "GOLD"));
            } else if (kind == 1) {
                values.add(Map.of("braze_type", "purchase", "external_id", user, "product_id", "perf-" + (i % 97),
                        "currency", "GBP", "price", "42.50", "time", "2027-03-01T08:30:00Z",
                        "properties", Map.of("seq", i)));
            } else {
                values.add(Map.of("braze_type", "event", "external_id", user, "name", "ticket_viewed",
                        "time", "2027-03-01T08:30:00Z", "properties", Map.of("seq", i)));
            }
        }
        return values;
    }

    private static double runSink(int objects, int quota, int windowSeconds, double quotaPerSecond) throws Exception {
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(KEY))
                .rateLimit(quota, Duration.ofSeconds(windowSeconds)).maxObjectsPerRequest(75).build()) {
            sim.start();
            Map<String, String> props = new HashMap<>();
            props.put(BrazeSinkConfig.REST_URL, sim.baseUri().toString());
            props.put(BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true");
            props.put(BrazeSinkConfig.API_KEY, KEY);
            props.put(BrazeSinkConfig.QUOTA_REQUESTS, Integer.toString(quota));
            props.put(BrazeSinkConfig.QUOTA_WINDOW_MS, Long.toString(windowSeconds * 1000L));
            props.put(BrazeSinkConfig.QUOTA_SHARE, "1.0");
            props.put(BrazeSinkConfig.BUFFER_MAX_RECORDS, Integer.toString(objects + 1));
            props.put(BrazeSinkConfig.MAX_IN_FLIGHT, Integer.toString(maxInFlight));
            BrazeSinkConfig config = new BrazeSinkConfig(props);
            OffsetTracker offsets = new OffsetTracker();
            BrazeSinkTaskMetrics metrics = BrazeSinkTaskMetrics.detached();
            DeliveryEngine engine = new DeliveryEngine(config, 1, new JdkBrazeTransport(config), new ErrorRouter(null, BehaviorOnError.FAIL),
                    offsets, metrics, System::currentTimeMillis, "bench");
            BrazeObjectParser parser = new BrazeObjectParser(config.maxPayloadBytes());
            TopicPartition tp = new TopicPartition("bench", 0);
            List<PendingRecord> backlog = new ArrayList<>(objects);
            List<Map<String, Object>> values = values(objects);
            for (int i = 0; i < objects; i++) {
                offsets.register(tp, i);
                backlog.add(new PendingRecord(new SinkRecord("bench", 0, null, null, null, values.get(i), i), tp, i,
                        parser.parse(values.get(i), null), 0L));
            }
            values = null;
            engine.flushWithoutLinger(true);
            long start = System.nanoTime();
            engine.enqueue(backlog);
            engine.start();
            while (offsets.pendingCount() > 0 && engine.failure() == null) {
                Thread.sleep(100); // polling a counter in a benchmark driver; nothing is asserted on timing
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            engine.close();
            if (engine.failure() != null) {
                throw engine.failure();
            }
            SimulatorStats stats = sim.stats();
            long requests = stats.requestsByEndpoint().getOrDefault(BrazeSimulator.USERS_TRACK, 0L);
            long tooMany = stats.tooManyRequestsTotal();
            List<SimulatorStats.WindowStats> windows = stats.windows().stream()
                    .filter(w -> w.endpoint().equals(BrazeSimulator.USERS_TRACK) && w.requests() > 0).toList();
            long maxTooManyInWindow = windows.stream().mapToLong(SimulatorStats.WindowStats::tooManyRequests).max().orElse(0);
            System.out.printf("sink: %,d objects in %.1f s, %,d requests (%s merged attribute updates)%n", objects,
                    seconds, requests, metrics.value("merged-attribute-updates-total"));
            System.out.printf("  achieved %.1f requests/s = %.3f of quota (goal >= 0.95)%n", requests / seconds,
                    requests / seconds / quotaPerSecond);
            System.out.printf("  429s: %d in %d windows, at most %d in one window (goal <= 1)%n", tooMany, windows.size(),
                    maxTooManyInWindow);
            System.out.printf("  request latency avg %s ms, max %s ms; %d in flight%n",
                    metrics.value("request-latency-avg"), metrics.value("request-latency-max"), maxInFlight);
            System.out.printf("  requests per full window: %s%n", windows.stream().skip(1).limit(Math.max(0, windows.size() - 2))
                    .map(w -> Long.toString(w.requests())).collect(java.util.stream.Collectors.joining(",")));
            System.out.printf("  objects per request: %.2f of cap 75 = %.3f (goal >= 0.95)%n",
                    stats.averageObjectsPerRequest(), stats.averageObjectsPerRequest() / 75);
            return seconds;
        }
    }

    /** What a generic HTTP sink does: one record per request, on 429 wait (Retry-After or 1 s) and retry. */
    private static double runBaseline(int sample, int quota, int windowSeconds) throws Exception {
        try (BrazeSimulator sim = BrazeSimulator.builder().port(0).apiKeys(Set.of(KEY))
                .rateLimit(quota, Duration.ofSeconds(windowSeconds)).maxObjectsPerRequest(75).build()) {
            sim.start();
            HttpClient client = HttpClient.newHttpClient();
            URI track = sim.baseUri().resolve(BrazeSimulator.USERS_TRACK);
            long start = System.nanoTime();
            for (int i = 0; i < sample; i++) {
                String body = "{\"events\":[{\"external_id\":\"U-" + i + "\",\"name\":\"ticket_viewed\","
                        + "\"time\":\"2027-03-01T08:30:00Z\",\"properties\":{\"seq\":" + i + "}}]}";
                while (true) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(track)
                            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 429) {
                        break;
                    }
                    long waitSeconds = response.headers().firstValue("Retry-After")
                            .or(() -> response.headers().firstValue("X-RateLimit-Retry-After"))
                            .map(Long::parseLong).orElse(1L);
                    Thread.sleep(waitSeconds * 1000);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("baseline sample: %,d records, %,d requests, %,d 429s%n", sample,
                    sim.stats().requestsByEndpoint().getOrDefault(BrazeSimulator.USERS_TRACK, 0L),
                    sim.stats().tooManyRequestsTotal());
            return seconds / sample;
        }
    }
}
