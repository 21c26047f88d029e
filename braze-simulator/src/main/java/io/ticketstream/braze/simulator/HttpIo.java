package io.ticketstream.braze.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Reading bounded bodies and writing JSON responses on the JDK HTTP server. */
final class HttpIo {

    private HttpIo() {
    }

    /**
     * The body, or {@code null} when it is larger than {@code maxBytes}. Oversized bodies are still
     * read to the end so the client, still sending, sees the 413 instead of a broken pipe.
     */
    static byte[] readBody(HttpExchange exchange, int maxBytes) throws IOException {
        String lengthHeader = exchange.getRequestHeaders().getFirst("Content-Length");
        int initial = 8192;
        if (lengthHeader != null) {
            try {
                long declared = Long.parseLong(lengthHeader.trim());
                if (declared > maxBytes) {
                    drain(exchange);
                    return null;
                }
                initial = (int) Math.max(0, declared);
            } catch (NumberFormatException ignored) {
                // the JDK server rejects a bad Content-Length itself; fall back to reading
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[Math.max(initial, 16)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (buffer.length > maxBytes) {
                    drain(exchange);
                    return null;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, (long) maxBytes + 1));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > maxBytes) {
                drain(exchange);
                return null;
            }
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    static void drain(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    }

    static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
