package io.ticketstream.ops.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ticketstream.ops.CliRun;
import io.ticketstream.ops.ExitCodes;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The https and basic-auth options end to end. The server is a STAND-IN: a JDK https server on loopback that
 * answers {@code GET /connectors} like Connect does behind basic auth (Connect's basic-auth REST extension is
 * not on this module's test classpath); the TLS material is made by the JDK's keytool for each run.
 */
class TlsAndBasicAuthTest {
    private static final String STORE_PASSWORD = "test-only-store-pass";
    private static final String USER = "ops";
    private static final String PASSWORD = "test-only-basic-pass";

    @TempDir static Path dir;
    private static HttpsServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", dir.resolve("ca.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(), "-storetype", "PKCS12",
                "-keystore", dir.resolve("trust.p12").toString(), "-storepass", STORE_PASSWORD);
        Files.writeString(dir.resolve("truststore.pass"), STORE_PASSWORD + "\n");
        Files.writeString(dir.resolve("basic.pass"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong.pass"), "not-the-password\n");

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, STORE_PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);

        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/connectors", exchange -> {
            boolean authorised = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorised ? "[]" : "{\"error_code\":401,\"message\":\"User cannot access the resource.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "https://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "keytool failed: " + output);
    }

    @Test
    void caFileAndPasswordFileReachTheServer() {
        CliRun run = CliRun.of("status", "--connect-url", url, "--ca-file", dir.resolve("ca.pem").toString(),
                "--user", USER, "--password-file", dir.resolve("basic.pass").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("no connectors on " + url), run.toString());
        assertFalse(run.toString().contains(PASSWORD), "the password is never printed");
    }

    @Test
    void truststoreWithPasswordFromFileWorksToo() {
        CliRun run = CliRun.of("status", "--connect-url", url, "--truststore", dir.resolve("trust.p12").toString(),
                "--truststore-password-file", dir.resolve("truststore.pass").toString(),
                "--user", USER, "--password-file", dir.resolve("basic.pass").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    }

    @Test
    void untrustedCertificateIsAConnectionFailure() {
        CliRun run = CliRun.of("status", "--connect-url", url, "--user", USER, "--password-file", dir.resolve("basic.pass").toString());
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot reach Connect REST at " + url), run.toString());
    }

    @Test
    void wrongPasswordIsExitThreeWithConnectsMessage() {
        CliRun run = CliRun.of("status", "--connect-url", url, "--ca-file", dir.resolve("ca.pem").toString(),
                "--user", USER, "--password-file", dir.resolve("wrong.pass").toString());
        assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("HTTP 401: User cannot access the resource."), run.toString());
    }

    @Test
    void passwordFromAnEnvironmentVariableNeverFromAFlag() {
        SecretSource env = new SecretSource(Map.of("CONNECT_PW", PASSWORD));
        assertEquals(PASSWORD, new String(env.read("basic-auth password", "CONNECT_PW", null).orElseThrow()));
        assertEquals(Optional.empty(), env.read("x", null, null).map(String::new));
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> env.read("basic-auth password", "NOT_SET", null));
        assertTrue(missing.getMessage().contains("NOT_SET"));
        CliRun flag = CliRun.of("status", "--connect-url", url, "--password", PASSWORD);
        assertEquals(ExitCodes.USAGE, flag.exitCode(), "there is no --password flag: " + flag);
    }
}
