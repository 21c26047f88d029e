package io.ticketstream.connect.braze.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.kafka.common.config.types.Password;

/**
 * {@link BrazeTransport} on the JDK's java.net.http client: HTTP/1.1 and 2, TLS, connection pooling and timeouts
 * with no extra jar in the plugin (no dependency conflicts with other plugins or the worker).
 */
public final class JdkBrazeTransport implements BrazeTransport {

    private final HttpClient client;
    private final URI base;
    private final Password apiKey;
    private final Duration requestTimeout;

    public JdkBrazeTransport(URI base, Password apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.base = base;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public HttpResult post(String path, byte[] jsonBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    }

    @Override
    public String describeTarget() {
        return base.getScheme() + "://" + base.getAuthority();
    }
}
