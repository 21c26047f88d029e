package io.ticketstream.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketstream.streams.StreamsLifecycle;
import io.ticketstream.streams.TicketstreamApp;
import io.ticketstream.streams.config.AppConfig;

/** Start-up failures stop the application before it touches Kafka, with exit code 2. */
class TicketstreamAppTest {

    @TempDir
    Path dir;

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(StreamsLifecycle.EXIT_BAD_CONFIG, TicketstreamApp.run(new String[] {}, Map.of()));
        assertEquals(StreamsLifecycle.EXIT_BAD_CONFIG, TicketstreamApp.run(new String[] {"--conf", "x"}, Map.of()));
        assertEquals(StreamsLifecycle.EXIT_BAD_CONFIG,
                TicketstreamApp.run(new String[] {"--config", dir.resolve("missing.properties").toString()}, Map.of()));
    }

    @Test
    void invalidConfigValueExitsWithTwo() throws IOException {
        Path config = Files.writeString(dir.resolve("app.properties"), "bootstrap.servers=unused:9092\nsale.grace.ms=soon\n");
        assertEquals(StreamsLifecycle.EXIT_BAD_CONFIG, TicketstreamApp.run(new String[] {"--config", config.toString()}, Map.of()));
    }

    @Test
    void brokenMappingFolderFromTheEnvironmentExitsWithTwo() throws IOException {
        Path mappings = Files.createDirectory(dir.resolve("mappings"));
        Files.writeString(mappings.resolve("orders.yaml"), "source: {connector: sqlserver}\nkey: [order_id]\nfields:\n  - {to: order_id, cast: bigint}\n");
        Path config = Files.writeString(dir.resolve("app.properties"), "bootstrap.servers=unused:9092\n");

        int code = TicketstreamApp.run(new String[] {"--config", config.toString()},
                Map.of("TICKETSTREAM_MAPPINGS_DIR", mappings.toString()));

        assertEquals(StreamsLifecycle.EXIT_BAD_CONFIG, code);
    }

    @Test
    void startUpDescriptionShowsTheConfigWithSecretsHidden() {
        AppConfig config = new AppConfig(Map.of("bootstrap.servers", "broker:9093",
                "sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p4ss\";"));

        String described = TicketstreamApp.describe(config);

        assertTrue(described.contains("bootstrap.servers = broker:9093"), described);
        assertTrue(described.contains("sasl.jaas.config = [hidden]"), described);
        assertTrue(described.contains("processing.guarantee = exactly_once_v2"), described);
        assertFalse(described.contains("p4ss"), described);
        assertFalse(TicketstreamApp.version().isBlank());
        assertFalse(TicketstreamApp.version().contains("${"), "version resource is filtered by Maven");
    }
}
