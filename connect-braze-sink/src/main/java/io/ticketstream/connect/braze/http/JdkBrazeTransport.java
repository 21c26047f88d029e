package io.ticketstream.connect.braze.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.pacing.Endpoint;

/**
 * {@link BrazeTransport} on the JDK's java.net.http client: HTTP/1.1, TLS, connection pooling, timeouts, an HTTP
 * proxy (CONNECT tunnels for HTTPS) and a custom truststore, with no extra jar in the plugin (no dependency
 * conflicts with other plugins or the worker).
 */
public final class JdkBrazeTransport implements BrazeTransport {

    private final HttpClient client;
    private final URI base;
    private final Password apiKey;
    private final Duration requestTimeout;
    private final Map<String, String> extraHeaders;
    private final boolean trackBulk;
    private final String proxyDescription;

    public JdkBrazeTransport(BrazeSinkConfig config) {
        this(config, config.connectTimeout(), config.requestTimeout());
    }

    /** With other timeouts (the connectivity check of validate() uses short ones). */
    public JdkBrazeTransport(BrazeSinkConfig config, Duration connectTimeout, Duration requestTimeout) {
        this.base = config.restUrl();
        this.apiKey = config.apiKey();
        this.requestTimeout = requestTimeout;
        this.extraHeaders = config.extraHeaders();
        this.trackBulk = config.trackBulk();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.proxy() != null) {
            builder.proxy(ProxySelector.of(config.proxy()));
            proxyDescription = " through proxy " + config.proxy().getHostString() + ":" + config.proxy().getPort();
        } else {
            proxyDescription = "";
        }
        if (!config.truststoreLocation().isEmpty()) {
            builder.sslContext(sslContext(config));
        }
        this.client = builder.build();
    }

    /** An SSL context trusting exactly the certificates of the configured truststore. */
    static SSLContext sslContext(BrazeSinkConfig config) {
        Path file = Path.of(config.truststoreLocation());
        Password password = config.truststorePassword();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(config.truststoreType());
            store.load(in, password == null ? null : password.value().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(BrazeSinkConfig.TRUSTSTORE_LOCATION, config.truststoreLocation(),
                    "cannot load the " + config.truststoreType() + " truststore: " + e.getMessage());
        }
    }

    @Override
    public HttpResult post(String path, byte[] jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody));
        extraHeaders.forEach(request::header);
        if (trackBulk && path.equals(Endpoint.TRACK.path())) {
            request.header("X-Braze-Bulk", "true");
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    }

    @Override
    public String describeTarget() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** Where requests go and how (proxy), for error messages; never the key or header values. */
    public String describeRoute() {
        return describeTarget() + proxyDescription;
    }
}
