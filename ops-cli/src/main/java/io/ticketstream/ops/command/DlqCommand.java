package io.ticketstream.ops.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketstream.ops.ExitCodes;
import io.ticketstream.ops.dlq.DeadLetterRecord;
import io.ticketstream.ops.kafka.KafkaUnreachableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Reading dead-letter topics: {@code dlq peek}. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Read dead-letter topics.",
        subcommands = DlqCommand.Peek.class)
public final class DlqCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * The last (or first) records of a dead-letter topic with their key, decoded headers (the original topic,
     * partition and offset, the connector or mapping, the error) and a value preview. Reads without a consumer
     * group: peeking commits nothing and moves no one's offsets.
     */
    @Command(name = "peek", mixinStandardHelpOptions = true,
            description = "Show the last N records of a dead-letter topic: key, decoded error headers, value preview.")
    static final class Peek implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin KafkaOptions kafka;
        @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. ticketing.braze.dlq, ticketing.streams.dlq")
        String topic;

        @Option(names = {"-n", "--max-records"}, defaultValue = "10", description = "How many records (default ${DEFAULT-VALUE}).")
        int maxRecords;

        @Option(names = "--from-beginning", description = "The first N records instead of the last N.")
        boolean fromBeginning;

        @Option(names = "--preview-bytes", defaultValue = "200", description = "Key/value preview length (default ${DEFAULT-VALUE}).")
        int previewBytes;

        @Option(names = "--full-traces", description = "Whole stack-trace headers, not their first line.")
        boolean fullTraces;

        @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        OutputFormat output;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            kafka.requireReachable();
            Properties props = kafka.clientProperties();
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the streams DLQ is written in transactions
            props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ticketstream-ops-dlq-peek");
            props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(kafka.timeout().toMillis()));
            List<DeadLetterRecord> records = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, kafka.timeout());
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("topic " + topic + " does not exist on " + kafka.bootstrapServers());
                }
                List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, kafka.timeout());
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, kafka.timeout());
                consumer.assign(partitions);
                Map<TopicPartition, Long> stopAt = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    long from = fromBeginning ? starts.get(tp) : Math.max(starts.get(tp), ends.get(tp) - maxRecords);
                    consumer.seek(tp, from);
                    stopAt.put(tp, fromBeginning ? Math.min(ends.get(tp), from + maxRecords) : ends.get(tp));
                }
                long deadline = System.nanoTime() + kafka.timeout().toNanos();
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < stopAt.get(tp))) {
                    if (System.nanoTime() > deadline) {
                        throw new KafkaUnreachableException("could not read " + topic + " to its end within " + kafka.timeout().toSeconds() + "s");
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() < stopAt.get(new TopicPartition(record.topic(), record.partition()))) {
                            records.add(DeadLetterRecord.of(record, previewBytes, fullTraces));
                        }
                    }
                }
            }
            Comparator<DeadLetterRecord> byTime = Comparator.comparingLong(DeadLetterRecord::timestampMs)
                    .thenComparingInt(DeadLetterRecord::partition).thenComparingLong(DeadLetterRecord::offset);
            records.sort(byTime);
            List<DeadLetterRecord> shown = fromBeginning ? records.subList(0, Math.min(maxRecords, records.size()))
                    : records.subList(Math.max(0, records.size() - maxRecords), records.size());
            if (output == OutputFormat.json) {
                ArrayNode array = JSON.createArrayNode();
                for (DeadLetterRecord r : shown) {
                    ObjectNode row = array.addObject().put("topic", r.topic()).put("partition", r.partition())
                            .put("offset", r.offset()).put("timestamp", r.timestampMs()).put("key", r.key());
                    ObjectNode headers = row.putObject("headers");
                    r.headers().forEach(h -> headers.put(h[0], h[1]));
                    row.put("value_preview", r.valuePreview());
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else if (shown.isEmpty()) {
                out.println(topic + ": no records");
            } else {
                shown.forEach(r -> out.print(r.render()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
