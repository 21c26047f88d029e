package io.ticketstream.streams.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import io.ticketstream.streams.dlq.DeadLetterQueue;
import io.ticketstream.streams.normalize.envelope.CommitTimeExtractor;
import io.ticketstream.streams.normalize.envelope.EnvelopeSerde;
import io.ticketstream.streams.normalize.mapping.Mapping;

/**
 * The normalisation half of the topology: raw Debezium topics in, {@link NormalizedRow} streams out, one
 * per mapping. The join stage calls {@link #attach} and codes against the canonical field names.
 *
 * <p>Malformed input is dead-lettered by Kafka Streams' exception handlers, which need the settings of
 * {@link #streamsConfig()} in the application's Streams config (AppConfig adds them).
 */
public final class NormalizeStage {

    private final MappingCatalog mappings;
    private final String dlqTopic;

    public NormalizeStage(MappingCatalog mappings, String dlqTopic) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.dlqTopic = Objects.requireNonNull(dlqTopic, "dlqTopic");
    }

    /**
     * For each mapping name -> its raw topic: consumes the raw topic (String key/value JSON, no embedded
     * schema), emits NormalizedRow keyed by NormalizedRow.key(), with the RECORD TIMESTAMP set to the commit
     * time (source.ts_ms). Malformed input goes to the DLQ.
     *
     * @return mapping name to its stream of rows, in the order of {@code rawTopicByMapping}
     * @throws java.util.NoSuchElementException when a mapping name is not in the catalog
     */
    public Map<String, KStream<String, NormalizedRow>> attach(StreamsBuilder builder, Map<String, String> rawTopicByMapping) {
        Map<String, KStream<String, NormalizedRow>> streams = new LinkedHashMap<>();
        rawTopicByMapping.forEach((name, topic) -> {
            Mapping mapping = mappings.get(name);
            KStream<String, NormalizedRow> rows = builder
                    .stream(topic, Consumed.with(Serdes.String(), EnvelopeSerde.instance())
                            .withTimestampExtractor(new CommitTimeExtractor())
                            .withName("normalize-" + name + "-source"))
                    .process(() -> new NormalizeProcessor(mapping), Named.as("normalize-" + name));
            streams.put(name, rows);
        });
        return streams;
    }

    /** Streams settings the dead-lettering of this stage relies on (DLQ topic and exception handlers). */
    public Map<String, Object> streamsConfig() {
        return DeadLetterQueue.streamsConfig(dlqTopic);
    }

    public String dlqTopic() {
        return dlqTopic;
    }

    public MappingCatalog mappings() {
        return mappings;
    }
}
