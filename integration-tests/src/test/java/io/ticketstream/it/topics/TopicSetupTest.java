package io.ticketstream.it.topics;

import io.ticketstream.it.connectors.ConnectorConfigs;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.catalog.TopicSettings;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.testsupport.connect.PluginPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topic set-up the project ships agrees with what the streams app relies on (TopicSettings): raw topics never
 * compacted, canonical and dead-letter topics stamped when written, and the SQL Server connector keying tickets and
 * payments by order_id like the mappings' partition_key.
 */
class TopicSetupTest {

    private static final Pattern LOOP = Pattern.compile("for t in ([^;]+); do\\s+create \"\\$t\"([^\\n]*)\\n\\s*done");
    private static final Pattern FLAG = Pattern.compile("--config (\\S+)=(\\S+)");

    @Test
    void createTopicsScriptGivesEveryTopicTheSettingsTheAppReliesOn() throws IOException {
        Map<String, Map<String, String>> created = createdByScript();

        AppConfig.RAW_TOPIC_DEFAULTS.values().forEach(raw -> assertEquals(TopicSettings.RAW, created.get(raw), raw));
        for (String canonical : List.of(CanonicalTopics.CUSTOMER, CanonicalTopics.PERFORMANCE, CanonicalTopics.ORDER,
                CanonicalTopics.TICKET_SALE, CanonicalTopics.CUSTOMER_CHANGE, CanonicalTopics.STREAMS_DLQ)) {
            assertEquals(TopicSettings.canonical(canonical), created.get(canonical), canonical);
        }
        for (String deadLetters : List.of("ticketing.braze.dlq", "ticketing.snowflake.dlq")) {
            assertEquals(TopicSettings.CANONICAL_LOG, created.get(deadLetters), deadLetters);
        }
    }

    @Test
    void debeziumCreatesRawTopicsNeverCompactedInEveryEnvironment() throws IOException {
        ConnectorConfigs configs = ConnectorConfigs.load(PluginPath.projectRoot().resolve("connectors"));
        for (String environment : List.of("local", "prod-eu", "prod-us")) {
            Map<String, Map<String, String>> connectors = configs.forEnvironment(environment);
            for (String source : List.of("sqlserver-ticketing", "mongodb-crm", "aurora-catalog")) {
                Map<String, String> config = connectors.get(source);
                if (config == null) {
                    continue; // excluded in this environment
                }
                String where = environment + "/" + source;
                assertEquals("delete", config.get("topic.creation.default.cleanup.policy"), where);
                assertEquals("-1", config.get("topic.creation.default.retention.ms"), where);
            }
            Map<String, String> sqlServer = connectors.get("sqlserver-ticketing");
            if (sqlServer != null) {
                assertEquals("ticketing.dbo.tickets:order_id;ticketing.dbo.payments:order_id",
                        sqlServer.get("message.key.columns"), environment + ": an order's rows share its key");
            }
        }
    }

    @Test
    void theMappingsDemandTheKeyTheConnectorGives() {
        var mappings = new AppConfig(Map.of()).mappings();
        for (String mapping : List.of("orders", "tickets", "payments")) {
            assertEquals("order_id", mappings.get(mapping).partitionKey(), mapping);
        }
    }

    private static Map<String, Map<String, String>> createdByScript() throws IOException {
        String script = Files.readString(PluginPath.projectRoot().resolve("docker/kafka/create-topics.sh"));
        Map<String, Map<String, String>> created = new TreeMap<>();
        Matcher loop = LOOP.matcher(script);
        while (loop.find()) {
            Map<String, String> flags = new HashMap<>();
            Matcher flag = FLAG.matcher(loop.group(2));
            while (flag.find()) {
                flags.put(flag.group(1), flag.group(2));
            }
            for (String topic : loop.group(1).replace("\\\n", " ").trim().split("\\s+")) {
                created.put(topic, flags);
            }
        }
        assertTrue(created.size() >= 15, "the script's create loops were found: " + created.keySet());
        return created;
    }
}
