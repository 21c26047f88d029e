package io.ticketstream.ops.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material for talking to a Connect REST listener over https: a truststore or a PEM CA file to trust the
 * server, and optionally a keystore for mutual TLS. With none given, the JDK's default trust applies.
 */
public record TlsSettings(Path truststore, Optional<char[]> truststorePassword, String truststoreType,
                          Path caFile,
                          Path keystore, Optional<char[]> keystorePassword, String keystoreType) {

    public static TlsSettings none() {
        return new TlsSettings(null, Optional.empty(), null, null, null, Optional.empty(), null);
    }

    public boolean isDefault() {
        return truststore == null && caFile == null && keystore == null;
    }

    public SSLContext sslContext() {
        if (truststore != null && caFile != null) {
            throw new IllegalArgumentException("--truststore and --ca-file both given: trust one source");
        }
        try {
            TrustManagerFactory tmf = null;
            if (truststore != null || caFile != null) {
                KeyStore trust = truststore != null
                        ? load(truststore, truststoreType, truststorePassword.orElse(null))
                        : caKeyStore(caFile);
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (keystore != null) {
                char[] password = keystorePassword.orElseThrow(() -> new IllegalArgumentException(
                        "--keystore " + keystore + " needs --keystore-password-env or --keystore-password-file"));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keystore, keystoreType, password), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, String type, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type == null ? typeFromName(path) : type);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    private static String typeFromName(Path path) {
        String name = path.getFileName().toString().toLowerCase();
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static KeyStore caKeyStore(Path pem) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("--ca-file " + pem + " holds no X.509 certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate cert : certs) {
            store.setCertificateEntry("ca-" + i++, cert);
        }
        return store;
    }
}
