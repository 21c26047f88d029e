package io.ticketstream.streams.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketstream.streams.dlq.DlqDeserializationExceptionHandler;
import io.ticketstream.streams.dlq.DlqProcessingExceptionHandler;
import io.ticketstream.testsupport.ConfigDocs;

class AppConfigTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void defaultsNameTheProjectTopicsAndAThirtySecondGrace() throws IOException {
        AppConfig config = AppConfig.load(file("bootstrap.servers=localhost:9092\n"), Map.of());

        assertEquals(Map.of("orders", "sqlserver.ticketing.dbo.orders", "tickets", "sqlserver.ticketing.dbo.tickets",
                "payments", "sqlserver.ticketing.dbo.payments", "customers", "mongo.crm.customers",
                "attractions", "aurora.catalog.attractions", "venues", "aurora.catalog.venues",
                "performances", "aurora.catalog.performances"), config.rawTopics());
        assertEquals("ticketing.customer.v1", config.customerTopic());
        assertEquals("ticketing.performance.v1", config.performanceTopic());
        assertEquals("ticketing.order.v1", config.orderTopic());
        assertEquals("ticketing.ticket-sale.v1", config.ticketSaleTopic());
        assertEquals("ticketing.customer-change.v1", config.customerChangeTopic());
        assertEquals("ticketing.ticket-sale.v1", config.canonicalTopic("ticket-sale"));
        assertEquals("ticketing.streams.dlq", config.dlqTopic());
        assertEquals(Duration.ofSeconds(30), config.saleGrace());
        assertEquals(7, config.mappings().names().size(), "built-in mappings when mappings.dir is empty");
        assertThrows(IllegalArgumentException.class, () -> config.canonicalTopic("refund"));
    }

    @Test
    void streamsPropertiesCarryExactlyOnceTheDlqHandlersRocksDbBoundsAndPassThroughClientSettings() throws IOException {
        AppConfig config = AppConfig.load(file("""
                bootstrap.servers=broker:9093
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="s3cr3t";
                ssl.truststore.location=/etc/kafka/truststore.jks
                num.stream.threads=2
                topic.dlq=my.dlq
                rocksdb.cache.bytes=67108864
                """), Map.of());

        Properties props = config.streamsProperties();

        assertEquals("exactly_once_v2", props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("ticketstream", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertTrue(props.get("sasl.jaas.config").toString().contains("s3cr3t"), "secrets reach the client unchanged");
        assertEquals("/etc/kafka/truststore.jks", props.get("ssl.truststore.location"));
        assertEquals("2", props.get("num.stream.threads"));
        assertEquals("my.dlq", props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
        assertEquals(DlqDeserializationExceptionHandler.class.getName(), props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG));
        assertEquals(DlqProcessingExceptionHandler.class.getName(), props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG));
        assertEquals(BoundedMemoryRocksDBConfig.class.getName(), props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
        assertEquals(67108864L, props.get(AppConfig.ROCKSDB_CACHE_BYTES));
        assertNull(props.get("topic.dlq"), "our own keys are not passed to Kafka");
        assertNull(props.get("topic.raw.orders"));
        new StreamsConfig(props); // Kafka Streams accepts the result
    }

    @Test
    void environmentOverridesTheFileWithTicketstreamAndKafkaPrefixes() throws IOException {
        Path file = file("""
                bootstrap.servers=from-file:9092
                topic.raw.orders=file.orders
                sale.grace.ms=10000
                processing.guarantee=at_least_once
                """);
        Map<String, String> env = Map.of(
                "TICKETSTREAM_TOPIC_RAW_ORDERS", "env.orders",
                "TICKETSTREAM_SALE_GRACE_MS", "45000",
                "TICKETSTREAM_TOPIC_CUSTOMER_CHANGE", "env.customer-change",
                "KAFKA_BOOTSTRAP_SERVERS", "from-env:9092",
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "PATH", "/usr/bin");

        AppConfig config = AppConfig.load(file, env);

        assertEquals("env.orders", config.rawTopics().get("orders"));
        assertEquals(Duration.ofSeconds(45), config.saleGrace());
        assertEquals("env.customer-change", config.customerChangeTopic());
        Properties props = config.streamsProperties();
        assertEquals("from-env:9092", props.get("bootstrap.servers"));
        assertEquals("exactly_once_v2", props.get("processing.guarantee"));
        assertFalse(props.containsKey("heap.opts"), "launcher variables are not config");
        assertFalse(props.containsKey("path"));
    }

    @Test
    void envNamingRule() {
        assertEquals(Map.of("topic.dlq", "a", "sasl.jaas.config", "b", "x.y", "app-wins"),
                EnvOverrides.from(Map.of("TICKETSTREAM_TOPIC_DLQ", "a", "KAFKA_SASL_JAAS_CONFIG", "b",
                        "KAFKA_X_Y", "kafka-loses", "TICKETSTREAM_X_Y", "app-wins", "KAFKA_OPTS", "-D", "KAFKA_DEBUG", "y")));
    }

    @Test
    void extraRawTopicKeysAddMappings() {
        AppConfig config = new AppConfig(Map.of("topic.raw.refunds", "sqlserver.ticketing.dbo.refunds"));
        assertEquals("sqlserver.ticketing.dbo.refunds", config.rawTopics().get("refunds"));
        assertEquals(8, config.rawTopics().size());
    }

    @Test
    void invalidValuesFailWithTheKeyAndTheValue() {
        ConfigException grace = assertThrows(ConfigException.class, () -> new AppConfig(Map.of("sale.grace.ms", "-1")));
        assertTrue(grace.getMessage().contains("sale.grace.ms") && grace.getMessage().contains("-1"), grace.getMessage());
        ConfigException rocks = assertThrows(ConfigException.class, () -> new AppConfig(Map.of(
                "rocksdb.cache.bytes", "2097152", "rocksdb.write.buffer.bytes", "4194304")));
        assertTrue(rocks.getMessage().contains("rocksdb.write.buffer.bytes"), rocks.getMessage());
        ConfigException dlq = assertThrows(ConfigException.class, () -> new AppConfig(Map.of(
                "topic.dlq", "a", StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "b")));
        assertTrue(dlq.getMessage().contains("topic.dlq"), dlq.getMessage());
        assertThrows(ConfigException.class, () -> AppConfig.load(dir.resolve("missing.properties"), Map.of()));
    }

    @Test
    void describeMasksSecretsButShowsTheRest() throws IOException {
        AppConfig config = AppConfig.load(file("""
                bootstrap.servers=broker:9093
                sasl.jaas.config=ScramLoginModule required username="app" password="s3cr3t";
                ssl.keystore.password=ks-pass
                ssl.key.password=key-pass
                ssl.keystore.key=-----BEGIN PRIVATE KEY-----
                basic.auth.client.secret=shh
                default.key.serde=org.apache.kafka.common.serialization.Serdes$StringSerde
                """), Map.of());

        Map<String, String> shown = config.describe();
        String all = shown.toString();

        for (String secret : new String[] {"s3cr3t", "ks-pass", "key-pass", "PRIVATE KEY", "shh"}) {
            assertFalse(all.contains(secret), "leaks " + secret + ": " + all);
        }
        assertEquals(SecretMasker.MASK, shown.get("sasl.jaas.config"));
        assertEquals(SecretMasker.MASK, shown.get("ssl.key.password"));
        assertEquals("broker:9093", shown.get("bootstrap.servers"));
        assertEquals("org.apache.kafka.common.serialization.Serdes$StringSerde", shown.get("default.key.serde"));
        assertEquals("ticketing.streams.dlq", shown.get("topic.dlq"));
        assertEquals("exactly_once_v2", shown.get("processing.guarantee"));
    }

    @Test
    void configReferenceIsUpToDate() {
        ConfigDocs.assertUpToDate(Path.of("docs/config.md"), "# streams-app configuration reference\n\n"
                + "Generated from `AppConfig.CONFIG_DEF` by `AppConfigTest` (run it with `-Dticketstream.docs.write=true` "
                + "to regenerate). Any other key is passed to Kafka Streams and its clients unchanged; environment "
                + "variables override the file (`TICKETSTREAM_X_Y` -> `x.y`, `KAFKA_X_Y` -> `x.y`).\n\n"
                + ConfigDocs.section("## Keys", AppConfig.CONFIG_DEF));
    }
}
