package io.ticketstream.ops.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thin client of the Kafka Connect REST API (the endpoints of Kafka 3.6+, including STOPPED and offsets).
 * Every request is recorded in {@link #requestLog()} (method and path, never bodies) so callers and tests can
 * prove what was and was not sent, e.g. that an unchanged {@code apply} sent no PUT.
 */
public final class ConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Duration requestTimeout;
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());

    public ConnectClient(URI base, Optional<String> user, Optional<char[]> password, TlsSettings tls, Duration requestTimeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(requestTimeout);
        if (!tls.isDefault()) {
            builder.sslContext(tls.sslContext());
        }
        this.http = builder.build();
        this.requestTimeout = requestTimeout;
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("basic auth needs both --user and a password (--password-env or --password-file)");
        }
        this.authorization = user.map(u -> "Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + new String(password.get())).getBytes(StandardCharsets.UTF_8)));
    }

    public URI baseUri() {
        return base;
    }

    /** Method and path of every request sent so far, in order. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    // ---- connectors -------------------------------------------------------------------------------

    public List<String> connectorNames() {
        List<String> names = new ArrayList<>();
        send("GET", "/connectors", null).forEach(n -> names.add(n.asText()));
        Collections.sort(names);
        return names;
    }

    /** The running config exactly as submitted (config-provider references unresolved), or empty when the connector does not exist. */
    public Optional<Map<String, String>> connectorConfig(String name) {
        try {
            return Optional.of(toStringMap(send("GET", "/connectors/" + enc(name) + "/config", null)));
        } catch (ConnectHttpException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code GET /connectors/{name}}: config as stored (references unresolved), tasks and type; 404 when absent. */
    public JsonNode connectorInfo(String name) {
        return send("GET", "/connectors/" + enc(name), null);
    }

    /** {@code DELETE /connectors/{name}}: the connector and its tasks go; its sink consumer group stays (see sink-group). */
    public void deleteConnector(String name) {
        send("DELETE", "/connectors/" + enc(name), null);
    }

    /** Every plugin the worker can load (connectors, converters, transforms, predicates, ...): class, type, version. */
    public JsonNode plugins() {
        return send("GET", "/connector-plugins?connectorsOnly=false", null);
    }

    /** The plugin's own config definition (name, type, default, ...) without validating anything: no connection attempts. */
    public JsonNode pluginConfigDefinition(String pluginClass) {
        return send("GET", "/connector-plugins/" + enc(pluginClass) + "/config", null);
    }

    public JsonNode putConnectorConfig(String name, Map<String, String> config) {
        return send("PUT", "/connectors/" + enc(name) + "/config", config);
    }

    public JsonNode validate(String connectorClass, Map<String, String> config) {
        return send("PUT", "/connector-plugins/" + enc(connectorClass) + "/config/validate", config);
    }

    public JsonNode status(String name) {
        return send("GET", "/connectors/" + enc(name) + "/status", null);
    }

    public JsonNode restart(String name, boolean includeTasks, boolean onlyFailed) {
        return send("POST", "/connectors/" + enc(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed, null);
    }

    public void pause(String name) {
        send("PUT", "/connectors/" + enc(name) + "/pause", null);
    }

    public void resume(String name) {
        send("PUT", "/connectors/" + enc(name) + "/resume", null);
    }

    public void stop(String name) {
        send("PUT", "/connectors/" + enc(name) + "/stop", null);
    }

    public JsonNode offsets(String name) {
        return send("GET", "/connectors/" + enc(name) + "/offsets", null);
    }

    public JsonNode resetOffsets(String name) {
        return send("DELETE", "/connectors/" + enc(name) + "/offsets", null);
    }

    public JsonNode alterOffsets(String name, JsonNode body) {
        return send("PATCH", "/connectors/" + enc(name) + "/offsets", body);
    }

    // ---- transport --------------------------------------------------------------------------------

    JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requestLog.add(method + " " + path);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectUnreachableException("cannot reach Connect REST at " + base + " (" + method + " " + path + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() + " (connection refused or timed out)" : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectUnreachableException("interrupted while calling " + method + " " + path, e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = json.hasNonNull("message") ? json.get("message").asText() : response.body();
            throw new ConnectHttpException(method, path, response.statusCode(), message);
        }
        return json;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // e.g. an HTML error page from a proxy in front of Connect: keep the text for the error message.
            return JSON.getNodeFactory().objectNode().put("message", body.strip());
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
    }

    private static Map<String, String> toStringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return map;
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
