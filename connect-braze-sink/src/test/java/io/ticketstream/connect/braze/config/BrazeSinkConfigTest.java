package io.ticketstream.connect.braze.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.ticketstream.connect.braze.BrazeSinkConnector;
import io.ticketstream.testsupport.ConfigDocs;

class BrazeSinkConfigTest {

    private static Map<String, String> props(String... extra) {
        Map<String, String> props = new HashMap<>(Map.of(BrazeSinkConfig.REST_URL, "https://rest.iad-01.braze.com",
                BrazeSinkConfig.API_KEY, "k", "name", "braze", BrazeSinkConfig.VALIDATE_CONNECTIVITY, "false"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private static List<String> errors(Map<String, String> props, String key) {
        return new BrazeSinkConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(key)).findFirst().map(ConfigValue::errorMessages).orElseThrow();
    }

    @Test
    void typedAccessorsAndDefaults() {
        BrazeSinkConfig config = new BrazeSinkConfig(props());
        assertEquals(75, config.trackMaxObjects());
        assertEquals(ObjectCapMode.COMBINED, config.capMode());
        assertEquals(Duration.ofSeconds(3), config.quotaWindow());
        assertEquals(BehaviorOnError.FAIL, config.behaviorOnError());
        assertEquals("[hidden]", config.apiKey().toString());
    }

    @Test
    void httpUrlWithoutTheAllowFlagIsRejectedInValidateAndInTheConfig() {
        Map<String, String> props = props(BrazeSinkConfig.REST_URL, "http://rest.iad-01.braze.com");
        assertTrue(errors(props, BrazeSinkConfig.REST_URL).get(0).contains(BrazeSinkConfig.ALLOW_INSECURE_HTTP));
        // the same check, from the same place, stops a connector started with such a stored config
        assertThrows(ConfigException.class, () -> new BrazeSinkConnector().start(props));
        props.put(BrazeSinkConfig.ALLOW_INSECURE_HTTP, "true");
        assertTrue(errors(props, BrazeSinkConfig.REST_URL).isEmpty());
    }

    @Test
    void urlWithAPathIsRejected() {
        assertTrue(errors(props(BrazeSinkConfig.REST_URL, "https://rest.iad-01.braze.com/users/track"),
                BrazeSinkConfig.REST_URL).get(0).contains("no path"));
    }

    @Test
    void unknownBrazeHostIsOnlyAWarning() {
        assertTrue(errors(props(BrazeSinkConfig.REST_URL, "https://braze.internal.example"), BrazeSinkConfig.REST_URL).isEmpty());
    }

    @Test
    void backoffMaxBelowInitialIsReportedOnTheMaxKey() {
        List<String> errors = errors(props(BrazeSinkConfig.BACKOFF_INITIAL_MS, "5000", BrazeSinkConfig.BACKOFF_MAX_MS, "100"),
                BrazeSinkConfig.BACKOFF_MAX_MS);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains(BrazeSinkConfig.BACKOFF_INITIAL_MS), errors.get(0));
    }

    @Test
    void behaviorOnErrorIsCaseInsensitiveAndChecked() {
        assertEquals(BehaviorOnError.LOG, new BrazeSinkConfig(props(BrazeSinkConfig.BEHAVIOR_ON_ERROR, "LOG")).behaviorOnError());
        assertFalse(errors(props(BrazeSinkConfig.BEHAVIOR_ON_ERROR, "retry"), BrazeSinkConfig.BEHAVIOR_ON_ERROR).isEmpty());
    }

    @Test
    void headersOfTheConnectorItselfCannotBeReplacedAndProxyIsHostPort() {
        assertFalse(errors(props(BrazeSinkConfig.HTTP_HEADERS, "Authorization:Bearer x"), BrazeSinkConfig.HTTP_HEADERS).isEmpty());
        assertTrue(errors(props(BrazeSinkConfig.HTTP_HEADERS, "X-Gateway:eu,X-Team:crm"), BrazeSinkConfig.HTTP_HEADERS).isEmpty());
        assertEquals(Map.of("X-Gateway", "eu", "X-Team", "crm"),
                new BrazeSinkConfig(props(BrazeSinkConfig.HTTP_HEADERS, "X-Gateway:eu,X-Team:crm")).extraHeaders());
        assertFalse(errors(props(BrazeSinkConfig.HTTP_PROXY, "proxy.internal"), BrazeSinkConfig.HTTP_PROXY).isEmpty());
        assertTrue(errors(props(BrazeSinkConfig.HTTP_PROXY, "proxy.internal:3128"), BrazeSinkConfig.HTTP_PROXY).isEmpty());
    }

    @Test
    void configDocIsUpToDate() {
        ConfigDocs.assertUpToDate(Path.of("docs/config.md"),
                ConfigDocs.section("# connect-braze-sink configuration\n\nGenerated from `BrazeSinkConfig.CONFIG_DEF` "
                        + "by `BrazeSinkConfigTest`; do not edit by hand.", BrazeSinkConfig.CONFIG_DEF));
    }
}
