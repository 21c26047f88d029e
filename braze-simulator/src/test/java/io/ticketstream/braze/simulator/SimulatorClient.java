package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for the simulator, as the sink would talk to Braze. */
final class SimulatorClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    SimulatorClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> post(String path, String apiKey, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> track(String body) throws IOException, InterruptedException {
        return post(BrazeSimulator.USERS_TRACK, "test-key", body);
    }

    HttpResponse<String> subscription(String body) throws IOException, InterruptedException {
        return post(BrazeSimulator.SUBSCRIPTION_STATUS_SET, "test-key", body);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    /** Single quotes to double quotes, so JSON bodies in tests stay readable. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String event(String externalId, String name) {
        return q("{'external_id':'" + externalId + "','name':'" + name + "','time':'2026-11-21T10:00:00Z'}");
    }

    static String attribute(String externalId, String key, String value) {
        return q("{'external_id':'" + externalId + "','" + key + "':'" + value + "'}");
    }

    static String purchase(String externalId, String productId) {
        return q("{'external_id':'" + externalId + "','product_id':'" + productId
                + "','currency':'EUR','price':12.5,'quantity':2,'time':'2026-11-21T10:00:00+01:00'}");
    }

    /** {"events":[e0..e(n-1)]} for distinct users. */
    static String events(int n, String userPrefix) {
        StringBuilder sb = new StringBuilder("{\"events\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(event(userPrefix + i, "e" + i));
        }
        return sb.append("]}").toString();
    }
}
