package io.ticketstream.warehouse.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Optional;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snowflake key-pair authentication's private key, in the forms `openssl pkcs8 -topk8` writes (keys made here). */
class PrivateKeysTest {

    private static PrivateKey key;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        key = pair.getPrivate();
    }

    @Test
    void readsPemAndTheBareBase64TheConnectorTakes() {
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64.replaceAll("(.{64})", "$1\n") + "\n-----END PRIVATE KEY-----\n";
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(pem, Optional.empty()).getEncoded());
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(base64, Optional.empty()).getEncoded());
    }

    @Test
    void readsAnEncryptedKeyWithItsPassphraseAndNamesAWrongOneWithoutShowingTheKey() throws Exception {
        String pem = encrypted("correct horse");
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(pem, Optional.of("correct horse")).getEncoded());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> PrivateKeys.parse(pem, Optional.of("battery staple")));
        assertTrue(wrong.getMessage().contains("wrong passphrase"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains(pem.substring(40, 80)), "the key is never echoed");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PrivateKeys.parse(pem, Optional.empty()));
        assertTrue(missing.getMessage().contains("privateKeyPassphrase"), missing.getMessage());
    }

    /** PKCS#8 encrypted by openssl itself, as the README tells operators to make the key (PBES2, AES-256-CBC). */
    private static String encrypted(String passphrase) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pkcs8-");
        try {
            java.nio.file.Path plain = dir.resolve("key.der");
            java.nio.file.Files.write(plain, key.getEncoded());
            java.nio.file.Path out = dir.resolve("key.p8");
            Process openssl = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-inform", "DER", "-in", plain.toString(),
                    "-v2", "aes256", "-passout", "pass:" + passphrase, "-out", out.toString()).redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes());
            assertTrue(openssl.waitFor() == 0, "openssl: " + output);
            return java.nio.file.Files.readString(out);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
