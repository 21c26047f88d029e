package io.ticketstream.ops.backfill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketstream.ops.connectors.ConnectorDefinition;

/**
 * The backfill connector's config: its own file ({@code connectors/backfill/braze-users-backfill.json}: what to read,
 * how to shape it, its share of the quota, bulk marking) plus the Braze connection of the live connector it runs
 * beside, copied from the running cluster so the two can never point at different workspaces. Secrets come across as
 * the live connector stores them: {@code ${env:..}}/{@code ${file:..}} references, resolved on the worker.
 */
final class BackfillConnector {

    /** What is copied from the live connector: where Braze is and how to reach it, and the workspace's limit. */
    static final List<String> CONNECTION_KEYS = List.of("braze.rest.url", "braze.api.key", "braze.allow.insecure.http",
            "braze.http.proxy", "braze.ssl.truststore.location", "braze.ssl.truststore.password",
            "braze.ssl.truststore.type", "braze.http.headers", "braze.quota.requests.per.window", "braze.quota.window.ms",
            "braze.track.max.objects", "braze.track.object.cap.mode", "braze.connect.timeout.ms",
            "braze.request.timeout.ms");

    private BackfillConnector() {
    }

    /**
     * @param share the backfill's share of each window, or null to keep the file's
     */
    static Map<String, String> config(ConnectorDefinition backfill, Map<String, String> live, String share,
                                      Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(backfill.config());
        for (String key : CONNECTION_KEYS) {
            if (live.containsKey(key)) {
                config.put(key, live.get(key));
            }
        }
        if (share != null) {
            config.put("braze.quota.share", share);
        }
        config.putAll(overrides);
        if (!config.containsKey("braze.rest.url")) {
            throw new IllegalArgumentException("the live connector has no braze.rest.url to copy; is it a Braze sink?");
        }
        return config;
    }
}
