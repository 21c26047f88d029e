package io.ticketstream.braze.simulator;

import java.util.Map;
import java.util.Set;

/** The request-handling settings a built {@link BrazeSimulator} runs with. */
record SimulatorSettings(
        Set<String> apiKeys,
        Map<String, Set<String>> permissions,
        int maxPayloadBytes,
        int successStatus,
        boolean retryAfterHeader) {

    /** A key not listed in {@code permissions} has every permission. */
    boolean permits(String apiKey, String permission) {
        Set<String> granted = permissions.get(apiKey);
        return granted == null || granted.contains(permission);
    }
}
