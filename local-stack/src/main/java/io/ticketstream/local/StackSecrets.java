package io.ticketstream.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local stack's secrets (database passwords, the simulator's Braze API key): random on first start, kept in
 * a mode-0600 properties file in the data folder, and handed to connectors only as {@code ${env:...}} or
 * {@code ${file:...}} references the Connect worker resolves, so they never sit in connector configs, logs or REST
 * output.
 */
public final class StackSecrets {

    public static final String AURORA_CDC_PASSWORD = "aurora.cdc.password";
    public static final String WAREHOUSE_PASSWORD = "warehouse.password";
    public static final String BRAZE_API_KEY = "braze.api.key";
    public static final String BRAZE_EMAIL_GROUP = "braze.email.subscription.group.id";
    public static final String BRAZE_SMS_GROUP = "braze.sms.subscription.group.id";

    /**
     * The {@code ${env:NAME}} references of connectors/ that the local stack answers, and the secret that answers
     * each: an in-process worker cannot be given environment variables, so its {@code env} config provider
     * ({@code StackEnvConfigProvider}) reads these from this file.
     */
    public static final java.util.Map<String, String> ENV_REFERENCES = java.util.Map.of(
            "AURORA_CDC_PASSWORD", AURORA_CDC_PASSWORD,
            "WAREHOUSE_PASSWORD", WAREHOUSE_PASSWORD,
            "BRAZE_API_KEY", BRAZE_API_KEY,
            "BRAZE_EMAIL_SUBSCRIPTION_GROUP_ID", BRAZE_EMAIL_GROUP,
            "BRAZE_SMS_SUBSCRIPTION_GROUP_ID", BRAZE_SMS_GROUP);

    private final Path file;
    private final Properties values = new Properties();

    private StackSecrets(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** Loads the secrets file of {@code dir}, creating any missing secret. */
    public static StackSecrets loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        StackSecrets secrets = new StackSecrets(dir.resolve("local-stack.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file, StandardCharsets.UTF_8)) {
                secrets.values.load(reader);
            }
        }
        boolean changed = false;
        for (String key : new String[] {AURORA_CDC_PASSWORD, WAREHOUSE_PASSWORD, BRAZE_API_KEY, BRAZE_EMAIL_GROUP, BRAZE_SMS_GROUP}) {
            if (secrets.values.getProperty(key) == null) {
                // Subscription group ids look like Braze's (UUIDs); the rest are random passwords/keys.
                secrets.values.setProperty(key, key.endsWith(".group.id") ? java.util.UUID.randomUUID().toString() : random());
                changed = true;
            }
        }
        if (changed) {
            if (!Files.exists(secrets.file)) {
                Files.createFile(secrets.file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(secrets.file, StandardCharsets.UTF_8)) {
                secrets.values.store(writer, "ticketstream local stack secrets (generated; never commit)");
            }
        }
        return secrets;
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    /** The config-provider reference Connect resolves to the secret: {@code ${file:<path>:<key>}}. */
    public String reference(String key) {
        return "${file:" + file + ":" + key + "}";
    }

    public Path file() {
        return file;
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
