package io.ticketstream.connect.braze.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.connect.braze.BrazeSinkConnector;
import io.ticketstream.connect.braze.http.JdkBrazeTransport;
import io.ticketstream.connect.braze.pacing.Endpoint;

/** Connector.validate() calls Braze (the simulator, a stand-in): key, host, proxy and truststore problems show on their key. */
class ConnectivityCheckTest {

    private BrazeSimulator sim;

    @BeforeEach
    void start() {
        sim = BrazeSimulator.builder().port(0).apiKeys(Set.of("good-key")).rateLimit(100, Duration.ofSeconds(1))
                .build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> props(String url, String key, String... extra) {
        Map<String, String> props = new HashMap<>(Map.of(BrazeSinkConfig.REST_URL, url,
                BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true", BrazeSinkConfig.API_KEY, key, "name", "braze"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Map<String, List<String>> out = new HashMap<>();
        for (ConfigValue value : new BrazeSinkConnector().validate(props).configValues()) {
            if (!value.errorMessages().isEmpty()) {
                out.put(value.name(), value.errorMessages());
            }
        }
        return out;
    }

    @Test
    void aReachableBrazeThatAcceptsTheKeyValidatesCleanAndNothingIsWritten() {
        assertEquals(Map.of(), errors(props(sim.baseUri().toString(), "good-key")));
        assertEquals(0, sim.acceptedCount());
    }

    @Test
    void aRejectedKeyIsReportedOnTheKeyNeverQuotingIt() {
        Map<String, List<String>> errors = errors(props(sim.baseUri().toString(), "wrong-key-123"));
        assertEquals(Set.of(BrazeSinkConfig.API_KEY), errors.keySet());
        assertTrue(errors.get(BrazeSinkConfig.API_KEY).get(0).contains("401"));
        assertFalse(errors.get(BrazeSinkConfig.API_KEY).get(0).contains("wrong-key-123"));
    }

    @Test
    void anUnreachableHostIsReportedOnTheUrlAndTheCheckCanBeSwitchedOff() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, List<String>> errors = errors(props("http://127.0.0.1:" + closed, "good-key"));
        assertTrue(errors.get(BrazeSinkConfig.REST_URL).get(0).contains("cannot reach Braze"), errors.toString());
        assertEquals(Map.of(), errors(props("http://127.0.0.1:" + closed, "good-key",
                BrazeSinkConfig.VALIDATE_CONNECTIVITY, "false")));
    }

    /**
     * The simulator serves requests in a proxy's absolute form too, so standing in as the proxy it proves the request
     * went through the proxy: the URL's host does not exist.
     */
    @Test
    void requestsGoThroughTheConfiguredProxy() {
        String proxy = "127.0.0.1:" + sim.port();
        assertFalse(errors(props("http://braze-behind-proxy.invalid:8080", "good-key")).isEmpty(), "no route without it");
        assertEquals(Map.of(), errors(props("http://braze-behind-proxy.invalid:8080", "good-key",
                BrazeSinkConfig.HTTP_PROXY, proxy)));
    }

    @Test
    void anUnreadableTruststoreIsReportedOnItsKey() throws Exception {
        Path bogus = Files.createTempFile("truststore", ".p12");
        Files.writeString(bogus, "not a keystore");
        Map<String, List<String>> errors = errors(props(sim.baseUri().toString(), "good-key",
                BrazeSinkConfig.TRUSTSTORE_LOCATION, bogus.toString()));
        assertTrue(errors.get(BrazeSinkConfig.TRUSTSTORE_LOCATION).get(0).contains("cannot load"), errors.toString());
    }

    @Test
    void bulkTrafficIsMarkedOnTrackRequestsOnly() throws Exception {
        BrazeSinkConfig config = new BrazeSinkConfig(props(sim.baseUri().toString(), "good-key",
                BrazeSinkConfig.TRACK_BULK, "true", BrazeSinkConfig.HTTP_HEADERS, "X-Team:crm"));
        try (JdkBrazeTransport transport = new JdkBrazeTransport(config)) {
            transport.post(Endpoint.TRACK.path(), "{}".getBytes());
            transport.post(Endpoint.SUBSCRIPTION.path(), "{}".getBytes());
        }
        assertEquals(1, sim.bulkRequests(BrazeSimulator.USERS_TRACK));
        assertEquals(0, sim.bulkRequests(BrazeSimulator.SUBSCRIPTION_STATUS_SET));
    }
}
