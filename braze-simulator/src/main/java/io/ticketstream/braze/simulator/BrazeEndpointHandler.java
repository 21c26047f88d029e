package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Braze endpoint of the simulator (a stand-in, not Braze). Order of checks: method, API key
 * (401), permission (403), rate limit (429, nothing applied), size (413), injected faults, JSON
 * (400), whole-request rules (400), then the objects are applied and per-object errors listed.
 * Every response carries the X-RateLimit-* headers.
 */
final class BrazeEndpointHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BrazeEndpointHandler.class);

    @FunctionalInterface
    interface Validator {
        ParsedRequest validate(JsonNode root, FaultPlan faults) throws RequestRejected;
    }

    private final String endpoint;
    private final String permission;
    private final FixedWindowRateLimiter limiter;
    private final Validator validator;
    private final SimulatorCore core;

    BrazeEndpointHandler(String endpoint, String permission, FixedWindowRateLimiter limiter, Validator validator,
                         SimulatorCore core) {
        this.endpoint = endpoint;
        this.permission = permission;
        this.limiter = limiter;
        this.validator = validator;
        this.core = core;
    }

    void handle(HttpExchange exchange) throws IOException {
        long arrivalNanos = System.nanoTime();
        long sequence = core.nextSequence();
        SimulatorCore.TestHooks hooks = core.testHooks;
        if (hooks != null) {
            hooks.afterArrival(sequence);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpIo.drain(exchange);
            exchange.getResponseHeaders().set("Allow", "POST");
            reject(exchange, limiter.peek(), 405, endpoint + " accepts POST only");
            return;
        }
        if ("true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Braze-Bulk"))) {
            core.bulkRequests.computeIfAbsent(endpoint, e -> new java.util.concurrent.atomic.LongAdder()).increment();
            core.bulkSequences.add(sequence);
        }
        String apiKey = bearerKey(exchange.getRequestHeaders());
        if (apiKey == null || !core.settings.apiKeys().contains(apiKey) || core.isRevoked(apiKey)) {
            HttpIo.drain(exchange);
            // Never echo the key: it is a secret even when wrong (it may be another instance's key).
            reject(exchange, limiter.peek(), 401,
                    apiKey == null ? "missing 'Authorization: Bearer <REST API key>' header" : "invalid API key");
            return;
        }
        if (!core.settings.permits(apiKey, permission)) {
            HttpIo.drain(exchange);
            reject(exchange, limiter.peek(), 403, "this API key lacks the '" + permission + "' permission");
            return;
        }
        ActiveFaults faults = core.faults();
        FixedWindowRateLimiter.Decision quota = limiter.acquire(faults.forceTooManyRequests(core.clock.instant()));
        if (!quota.allowed()) {
            HttpIo.drain(exchange);
            if (core.settings.retryAfterHeader()) {
                exchange.getResponseHeaders().set("X-RateLimit-Retry-After", Long.toString(quota.retryAfterSeconds()));
            }
            reject(exchange, quota, 429, "rate limit exceeded: " + quota.limit() + " requests per window on " + endpoint);
            return;
        }
        byte[] body = HttpIo.readBody(exchange, core.settings.maxPayloadBytes());
        if (body == null) {
            reject(exchange, quota, 413, "payload too large: the limit is " + core.settings.maxPayloadBytes() + " bytes");
            return;
        }

        ActiveFaults.Decision fault = faults.draw();
        if (fault.connectionReset()) {
            core.stats.connectionReset();
            // Closing an exchange before sending headers makes the JDK server close the socket: the
            // client gets no response at all, as with a reset connection.
            exchange.close();
            return;
        }
        if (fault.serverError() != 0 && !fault.appliedBeforeFailure()) {
            sleep(fault.latencyMillis());
            core.stats.injectedServerError(false);
            reject(exchange, quota, fault.serverError(), "simulated " + fault.serverError() + " (fault plan; not applied)");
            return;
        }

        ParsedRequest parsed;
        try {
            parsed = validator.validate(parse(body), faults.plan());
        } catch (RequestRejected rejected) {
            reject(exchange, quota, rejected.status(), rejected.getMessage());
            return;
        }
        if (parsed.objectCount >= 0) {
            core.stats.trackRequestValidated(parsed.objectCount);
        }
        // In flight from arrival until the response starts. The users leave BEFORE the response is
        // written: a client that waits for it cannot then be flagged for its next request.
        core.users.enter(parsed.users, arrivalNanos);
        try {
            apply(sequence, parsed, fault.latencyMillis());
        } finally {
            core.users.exit(parsed.users, System.nanoTime());
        }
        if (fault.serverError() != 0) {
            core.stats.injectedServerError(true);
            reject(exchange, quota, fault.serverError(), "simulated " + fault.serverError() + " (fault plan; applied)");
        } else if (fault.queued()) {
            core.stats.queued();
            respond(exchange, quota, 202, core.mapper.createObjectNode().put("message", "queued"));
        } else {
            respond(exchange, quota, core.settings.successStatus(), parsed.successBody);
        }
    }

    /** Applies the request's valid objects (its users are marked in flight by the caller). */
    private void apply(long sequence, ParsedRequest parsed, long latencyMillis) {
        SimulatorCore.TestHooks hooks = core.testHooks;
        if (hooks != null) {
            hooks.beforeApply(sequence);
        }
        sleep(latencyMillis);
        Instant appliedAt = core.clock.instant();
        List<AcceptedObject> batch = new ArrayList<>(parsed.items.size());
        for (ParsedRequest.Item item : parsed.items) {
            batch.add(new AcceptedObject(item.type(), item.user(), AcceptedObject.serialize(core.mapper, item.node()),
                    sequence, item.index(), appliedAt));
        }
        core.accepted.appendAll(batch);
        core.stats.applied(batch.size(), parsed.errors.size());
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} request {}: {} objects applied, {} object errors", endpoint, sequence, batch.size(),
                    parsed.errors.size());
        }
    }

    private JsonNode parse(byte[] body) throws RequestRejected {
        if (body.length == 0) {
            throw new RequestRejected(400, "empty body: a JSON object is required");
        }
        try {
            return core.mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RequestRejected(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RequestRejected(400, "unreadable body: " + e.getMessage());
        }
    }

    private void reject(HttpExchange exchange, FixedWindowRateLimiter.Decision quota, int status, String message)
            throws IOException {
        respond(exchange, quota, status, core.mapper.createObjectNode().put("message", message));
    }

    private void respond(HttpExchange exchange, FixedWindowRateLimiter.Decision quota, int status, ObjectNode body)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(quota.limit()));
        headers.set("X-RateLimit-Remaining", Integer.toString(quota.remaining()));
        headers.set("X-RateLimit-Reset", Long.toString(quota.resetEpochSecond()));
        core.stats.response(status);
        HttpIo.sendJson(exchange, status, core.mapper.writeValueAsBytes(body));
    }

    private static String bearerKey(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = value.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // the injected latency itself, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
