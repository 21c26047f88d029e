package io.ticketstream.connect.braze.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A response as the delivery engine sees it: status, headers looked up case-insensitively, body. */
public final class HttpResult {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public HttpResult(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        // Braze's X-RateLimit-* names may arrive lower-case: look them up without case.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, values);
            }
        });
        this.headers = copy;
        this.body = body == null ? new byte[0] : body;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0)).map(String::trim);
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
