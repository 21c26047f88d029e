package io.ticketstream.connect.braze;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, from a Maven-filtered resource (Kafka's AppInfoParser would give Kafka's version). */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
