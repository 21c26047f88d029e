package io.ticketstream.warehouse.connect;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Snowflake key-pair authentication's private key: PKCS#8, as {@code openssl genrsa | openssl pkcs8 -topk8} writes
 * it, in PEM ({@code -----BEGIN PRIVATE KEY-----} or {@code ENCRYPTED PRIVATE KEY}) or as the bare base64 body (the
 * form the Snowflake connector's {@code snowflake.private.key} takes, so one secret serves both). Decrypted with the
 * JDK's own PBE ciphers (PBES2 with AES, as {@code openssl pkcs8 -v2 aes256} writes). Errors never echo the key.
 */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    public static PrivateKey parse(String text, Optional<String> passphrase) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey: not PEM or base64 PKCS#8 (" + e.getMessage() + ")");
        }
        boolean encrypted = text.contains("ENCRYPTED PRIVATE KEY") || passphrase.isPresent();
        try {
            PKCS8EncodedKeySpec spec = encrypted ? decrypt(der, passphrase.orElseThrow(() -> new IllegalArgumentException(
                    "privateKey is encrypted but privateKeyPassphrase is not set"))) : new PKCS8EncodedKeySpec(der);
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("privateKey: cannot read the PKCS#8 RSA key"
                    + (encrypted ? " (wrong passphrase, or a cipher this JDK lacks)" : "") + ": " + e.getClass().getSimpleName());
        }
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, String passphrase) throws GeneralSecurityException, java.io.IOException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        // toString() of the parameters names the PBES2 scheme (e.g. PBEWithHmacSHA256AndAES_256); getAlgName() may
        // only say "PBES2", which the JDK's SecretKeyFactory does not accept.
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.toCharArray())), info.getAlgParameters());
        return info.getKeySpec(cipher);
    }
}
