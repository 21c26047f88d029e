package io.ticketstream.ops.connect;

import io.ticketstream.ops.connectors.ConfigReferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code ${provider:...}} references of a config the worker cannot resolve. The validate answer cannot tell by
 * itself: since Kafka 4.3.2 Connect puts the reference back in place of every value it resolved (so that a secret
 * never shows), which looks exactly like a reference it could not resolve. So each reference is tried in a numeric key
 * Connect checks for every connector ({@code tasks.max}, {@code errors.retry.timeout}, {@code errors.retry.delay.max.ms}):
 * a reference left unresolved is rejected with the reference itself in the message ("Invalid value ${env:X} for
 * configuration tasks.max"), a resolved one is accepted or rejected without it (its message is redacted, or names the
 * resolved value on older workers). One extra validate call per three references, only for configs that have any.
 */
public final class ReferenceProbe {

    private static final List<String> NUMERIC_KEYS = List.of("tasks.max", "errors.retry.timeout", "errors.retry.delay.max.ms");

    private ReferenceProbe() {
    }

    /** The references of {@code config} the worker leaves unresolved. */
    public static Set<String> unresolved(ConnectClient client, String connectorClass, Map<String, String> config) {
        List<String> references = new ArrayList<>(distinctReferences(config));
        Set<String> unresolved = new LinkedHashSet<>();
        for (int start = 0; start < references.size(); start += NUMERIC_KEYS.size()) {
            List<String> batch = references.subList(start, Math.min(references.size(), start + NUMERIC_KEYS.size()));
            Map<String, String> probe = new LinkedHashMap<>(config);
            for (int i = 0; i < batch.size(); i++) {
                probe.put(NUMERIC_KEYS.get(i), batch.get(i));
            }
            Map<String, List<String>> errors = ValidationReport.parse(client.validate(connectorClass, probe), probe,
                    Set.of()).errors();
            for (int i = 0; i < batch.size(); i++) {
                String reference = batch.get(i);
                if (errors.getOrDefault(NUMERIC_KEYS.get(i), List.of()).stream().anyMatch(m -> m.contains(reference))) {
                    unresolved.add(reference);
                }
            }
        }
        return unresolved;
    }

    private static Set<String> distinctReferences(Map<String, String> config) {
        Set<String> references = new LinkedHashSet<>();
        config.values().forEach(value -> references.addAll(ConfigReferences.find(value)));
        return references;
    }
}
