package io.ticketstream.connect.braze.delivery;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.connect.braze.http.BrazeTransport;
import io.ticketstream.connect.braze.http.HttpResult;
import io.ticketstream.connect.braze.http.Json;

/** A scripted Braze: the responder sees each request body (parsed) and answers or throws. */
final class FakeTransport implements BrazeTransport {

    interface Responder {
        HttpResult respond(String path, JsonNode body) throws IOException;
    }

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Responder responder;

    FakeTransport(Responder responder) {
        this.responder = responder;
    }

    static HttpResult status(int status, String body) {
        return new HttpResult(status, Map.of(), body.getBytes());
    }

    @Override
    public HttpResult post(String path, byte[] jsonBody) throws IOException {
        JsonNode body = Json.MAPPER.readTree(jsonBody);
        requests.add(body);
        return responder.respond(path, body);
    }

    @Override
    public String describeTarget() {
        return "https://rest.fake-01.braze.com";
    }
}
