package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * The simulator's own endpoints (not Braze's), unauthenticated, for the local stack and debugging:
 * {@code GET /simulator/stats}, {@code GET /simulator/accepted?limit=N} (the last N objects; this
 * one returns the bodies, which may hold personal test data), {@code POST /simulator/reset}.
 */
final class AdminHandler {

    static final String STATS = "/simulator/stats";
    static final String ACCEPTED = "/simulator/accepted";
    static final String RESET = "/simulator/reset";

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;

    private final SimulatorCore core;

    AdminHandler(SimulatorCore core) {
        this.core = core;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        HttpIo.drain(exchange);
        String method = exchange.getRequestMethod();
        switch (path) {
            case STATS -> {
                if (requireMethod(exchange, method, "GET")) {
                    HttpIo.sendJson(exchange, 200, core.mapper.writeValueAsBytes(core.stats()));
                }
            }
            case ACCEPTED -> {
                if (requireMethod(exchange, method, "GET")) {
                    accepted(exchange);
                }
            }
            case RESET -> {
                if (requireMethod(exchange, method, "POST")) {
                    core.reset();
                    HttpIo.sendJson(exchange, 200, message("reset"));
                }
            }
            default -> HttpIo.sendJson(exchange, 404, message("no such simulator endpoint: " + path));
        }
    }

    private void accepted(HttpExchange exchange) throws IOException {
        int limit;
        try {
            limit = limitParameter(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            HttpIo.sendJson(exchange, 400, message(e.getMessage()));
            return;
        }
        List<AcceptedObject> tail = core.accepted.tail(limit);
        ObjectNode body = core.mapper.createObjectNode();
        body.put("total", core.accepted.size());
        body.put("returned", tail.size());
        ArrayNode objects = body.putArray("objects");
        for (AcceptedObject o : tail) {
            ObjectNode node = objects.addObject();
            node.put("type", o.type().name());
            node.put("user_kind", o.user().kind().field());
            node.put("request", o.requestSequence());
            node.put("index", o.index());
            node.set("object", o.json());
        }
        HttpIo.sendJson(exchange, 200, core.mapper.writeValueAsBytes(body));
    }

    static int limitParameter(String rawQuery) {
        if (rawQuery == null) {
            return DEFAULT_LIMIT;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("limit=")) {
                String value = pair.substring("limit=".length());
                try {
                    int limit = Integer.parseInt(value);
                    if (limit < 0 || limit > MAX_LIMIT) {
                        throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
                    }
                    return limit;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("limit must be an integer, was '" + value + "'", e);
                }
            }
        }
        return DEFAULT_LIMIT;
    }

    private boolean requireMethod(HttpExchange exchange, String method, String expected) throws IOException {
        if (expected.equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        HttpIo.sendJson(exchange, 405, message("use " + expected));
        return false;
    }

    private byte[] message(String text) throws IOException {
        return core.mapper.writeValueAsBytes(core.mapper.createObjectNode().put("message", text));
    }
}
