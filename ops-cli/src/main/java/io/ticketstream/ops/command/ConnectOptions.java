package io.ticketstream.ops.command;

import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.SecretSource;
import io.ticketstream.ops.connect.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the Connect REST API is and how to talk to it; shared by every connector command. */
public final class ConnectOptions {

    @Option(names = "--connect-url", defaultValue = "${env:TICKETSTREAM_CONNECT_URL:-http://localhost:8083}",
            description = "Connect REST URL (env TICKETSTREAM_CONNECT_URL; default ${DEFAULT-VALUE}).")
    URI connectUrl;

    @Option(names = "--user", defaultValue = "${env:TICKETSTREAM_CONNECT_USER}",
            description = "Basic-auth user (env TICKETSTREAM_CONNECT_USER).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the basic-auth password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the basic-auth password.")
    Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the CA certificate(s) in this PEM file for https.")
    Path caFile;

    @Option(names = "--truststore", paramLabel = "FILE", description = "Truststore (PKCS12 or JKS) for https.")
    Path truststore;

    @Option(names = "--truststore-type", paramLabel = "TYPE", description = "PKCS12 or JKS (default: from the file name).")
    String truststoreType;

    @Option(names = "--truststore-password-env", paramLabel = "VAR") String truststorePasswordEnv;

    @Option(names = "--truststore-password-file", paramLabel = "FILE") Path truststorePasswordFile;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Client keystore for mutual TLS.")
    Path keystore;

    @Option(names = "--keystore-type", paramLabel = "TYPE") String keystoreType;

    @Option(names = "--keystore-password-env", paramLabel = "VAR") String keystorePasswordEnv;

    @Option(names = "--keystore-password-file", paramLabel = "FILE") Path keystorePasswordFile;

    @Option(names = "--request-timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "Timeout of one REST call (default ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    public ConnectClient client() {
        SecretSource secrets = SecretSource.fromSystem();
        TlsSettings tls = new TlsSettings(truststore, secrets.read("--truststore", truststorePasswordEnv, truststorePasswordFile),
                truststoreType, caFile,
                keystore, secrets.read("--keystore", keystorePasswordEnv, keystorePasswordFile), keystoreType);
        return new ConnectClient(connectUrl, Optional.ofNullable(user).filter(u -> !u.isBlank()),
                secrets.read("basic-auth password", passwordEnv, passwordFile), tls, requestTimeout);
    }
}
