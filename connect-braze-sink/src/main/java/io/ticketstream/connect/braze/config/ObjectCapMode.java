package io.ticketstream.connect.braze.config;

import java.util.Arrays;
import java.util.Locale;

/** How {@code braze.track.max.objects} counts: Braze's contracts differ (see reference/braze-api.md). */
public enum ObjectCapMode {
    /** The cap applies to attributes + events + purchases together (current Braze docs). */
    COMBINED,
    /** The cap applies to each of the three arrays separately (older contracts). */
    PER_ARRAY;

    public static ObjectCapMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static String[] names() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }
}
