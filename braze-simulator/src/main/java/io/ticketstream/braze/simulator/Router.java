package io.ticketstream.braze.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes on the exact path (the JDK server's contexts match by prefix, which would let
 * {@code /users/trackX} reach {@code /users/track}), counts every request and never lets a
 * handler failure leave a connection hanging.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** Unknown paths are counted under one name so random URLs cannot grow the stats without bound. */
    static final String OTHER = "(other)";

    private final BrazeEndpointHandler track;
    private final BrazeEndpointHandler subscription;
    private final BrazeEndpointHandler delete;
    private final AdminHandler admin;
    private final SimulatorCore core;

    Router(BrazeEndpointHandler track, BrazeEndpointHandler subscription, BrazeEndpointHandler delete,
           AdminHandler admin, SimulatorCore core) {
        this.track = track;
        this.subscription = subscription;
        this.delete = delete;
        this.admin = admin;
        this.core = core;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        boolean known = path.equals(BrazeSimulator.USERS_TRACK) || path.equals(BrazeSimulator.SUBSCRIPTION_STATUS_SET)
                || path.equals(BrazeSimulator.USERS_DELETE)
                || path.equals(AdminHandler.STATS) || path.equals(AdminHandler.ACCEPTED) || path.equals(AdminHandler.RESET);
        core.stats.requestStarted(known ? path : OTHER);
        try {
            if (path.equals(BrazeSimulator.USERS_TRACK)) {
                track.handle(exchange);
            } else if (path.equals(BrazeSimulator.SUBSCRIPTION_STATUS_SET)) {
                subscription.handle(exchange);
            } else if (path.equals(BrazeSimulator.USERS_DELETE)) {
                delete.handle(exchange);
            } else if (path.startsWith("/simulator/")) {
                admin.handle(exchange, path);
            } else {
                HttpIo.drain(exchange);
                core.stats.response(404);
                HttpIo.sendJson(exchange, 404, core.mapper.writeValueAsBytes(
                        core.mapper.createObjectNode().put("message", "not found (Braze simulator: no such endpoint)")));
            }
        } catch (IOException e) {
            // The client went away mid-exchange; nothing to answer.
            LOG.debug("I/O error on {}: {}", path, e.toString());
        } catch (RuntimeException e) {
            LOG.error("Braze simulator failed on {} (simulator bug)", path, e);
            try {
                core.stats.response(500);
                HttpIo.sendJson(exchange, 500, core.mapper.writeValueAsBytes(
                        core.mapper.createObjectNode().put("message", "Braze simulator internal error: " + e)));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent; closing below is all that is left
            }
        } finally {
            core.stats.requestFinished();
            exchange.close();
        }
    }
}
