package io.ticketstream.it.ordering.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.it.ordering.harness.OutputCollector.Output;
import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.it.ordering.world.World;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.serde.CanonicalSerdes;

/**
 * For a run that failed: everything written ({@code world.jsonl}, in write order) and everything the app published
 * ({@code outputs.jsonl}, decoded), so the failure can be investigated without running it again.
 */
public final class RunDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDump() {
    }

    public static void write(Path dir, World world, OutputCollector outputs) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("world.jsonl"), StandardCharsets.UTF_8)) {
            for (Delivery d : world.deliveries()) {
                ObjectNode line = JSON.createObjectNode().put("topic", d.topic()).put("key", d.event().key())
                        .put("commit_ts", d.commitTs()).put("emitted_at", d.emittedAt()).put("kind", d.kind().name());
                line.put("value", d.event().value());
                out.write(line.toString());
                out.newLine();
            }
        }
        Map<String, Deserializer<?>> decoders = Map.of(
                CanonicalTopics.TICKET_SALE, CanonicalSerdes.ticketSale().deserializer(),
                CanonicalTopics.CUSTOMER, CanonicalSerdes.customer().deserializer(),
                CanonicalTopics.PERFORMANCE, CanonicalSerdes.performance().deserializer(),
                CanonicalTopics.ORDER, CanonicalSerdes.order().deserializer(),
                CanonicalTopics.CUSTOMER_CHANGE, CanonicalSerdes.customerChange().deserializer());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("outputs.jsonl"), StandardCharsets.UTF_8)) {
            for (String topic : decoders.keySet()) {
                for (Output o : outputs.records(topic)) {
                    String value;
                    try {
                        value = o.value() == null ? null : String.valueOf(decoders.get(topic).deserialize(topic, o.value()));
                    } catch (RuntimeException e) {
                        value = "UNDECODABLE: " + e;
                    }
                    out.write(JSON.createObjectNode().put("topic", topic).put("partition", o.partition()).put("offset", o.offset())
                            .put("key", o.key()).put("value", value).toString());
                    out.newLine();
                }
            }
        }
    }
}
