package io.ticketstream.connect.braze.config;

import java.net.URI;
import java.util.Set;

/**
 * Braze's documented REST hosts (one per instance). A URL outside this list is allowed, only warned
 * about: Braze adds instances, and tests point at a local simulator.
 */
public final class BrazeHosts {

    public static final Set<String> KNOWN = Set.of(
            "rest.iad-01.braze.com", "rest.iad-02.braze.com", "rest.iad-03.braze.com", "rest.iad-04.braze.com",
            "rest.iad-05.braze.com", "rest.iad-06.braze.com", "rest.iad-07.braze.com", "rest.iad-08.braze.com",
            "rest.us-10.braze.com", "rest.fra-01.braze.eu", "rest.fra-02.braze.eu", "rest.au-01.braze.com",
            "rest.id-01.braze.com", "rest.jp-01.braze.com", "rest.kr-01.braze.com");

    private BrazeHosts() {
    }

    public static boolean isKnown(URI uri) {
        return uri.getHost() != null && KNOWN.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT));
    }
}
