package io.ticketstream.it.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Files captured records by what caused them: {@code <table>.snapshot} for snapshot reads, the label of the
 * transaction that made the change otherwise; a tombstone goes with the delete of the same key before it. Writes one
 * JSON-lines file per label: each line {@code {"topic":..., "key":..., "value":...}} with key and value exactly as
 * the JsonConverter wrote them (schemas.enable=false), {@code "value": null} for a tombstone.
 */
final class FixtureFiles {

    static final String TRANSACTIONS = "transactions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, String> labelsByTxId;
    private final Map<String, List<JsonNode>> files = new TreeMap<>();
    private final Map<String, String> lastLabelByTopicAndKey = new HashMap<>();
    private String debeziumVersion = "unknown";

    FixtureFiles(Map<Long, String> labelsByTxId) {
        this.labelsByTxId = labelsByTxId;
    }

    void addTableRecord(ConsumerRecord<byte[], byte[]> record) {
        String table = record.topic().substring(record.topic().lastIndexOf('.') + 1);
        JsonNode key = parse(record.key());
        JsonNode value = parse(record.value());
        String topicAndKey = record.topic() + '|' + key;
        String label;
        if (value.isNull()) {
            label = lastLabelByTopicAndKey.get(topicAndKey);
            if (label == null) {
                throw new IllegalStateException("tombstone on " + record.topic() + " key " + key + " with no event before it");
            }
        } else if ("r".equals(value.path("op").asText())) {
            label = table + ".snapshot";
        } else {
            long txId = value.at("/source/txId").asLong(-1);
            label = labelsByTxId.get(txId);
            if (label == null || !label.startsWith(table + ".")) {
                throw new IllegalStateException("event on " + record.topic() + " from transaction " + txId
                        + " that the capture did not make (labels: " + labelsByTxId + ")");
            }
        }
        if (!value.isNull()) {
            debeziumVersion = value.at("/source/version").asText(debeziumVersion);
        }
        lastLabelByTopicAndKey.put(topicAndKey, label);
        files.computeIfAbsent(label, l -> new ArrayList<>()).add(line(record.topic(), key, value));
    }

    /** BEGIN/END markers of the capture's own transactions (heartbeat transactions are left out). */
    void addTransactionRecord(ConsumerRecord<byte[], byte[]> record) {
        JsonNode value = parse(record.value());
        String id = value.path("id").asText("");
        long txId = Long.parseLong(id.contains(":") ? id.substring(0, id.indexOf(':')) : "-1");
        if (labelsByTxId.containsKey(txId)) {
            files.computeIfAbsent(TRANSACTIONS, l -> new ArrayList<>()).add(line(record.topic(), parse(record.key()), value));
        }
    }

    List<JsonNode> records(String label) {
        return files.getOrDefault(label, List.of());
    }

    Set<String> fileNames() {
        return files.keySet();
    }

    /** Replaces every {@code *.jsonl} in {@code dir} with the captured files, and writes the README. */
    void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, List<JsonNode>> file : files.entrySet()) {
                StringBuilder lines = new StringBuilder();
                for (JsonNode line : file.getValue()) {
                    lines.append(JSON.writeValueAsString(line)).append('\n');
                }
                Files.writeString(dir.resolve(file.getKey() + ".jsonl"), lines, StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve("README.md"), readme(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixtures to " + dir, e);
        }
    }

    private String readme() {
        StringBuilder out = new StringBuilder();
        out.append("# PostgreSQL (Aurora catalogue) change events — captured, not hand-written\n\n")
                .append("Captured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" from a real run: PostgreSQL 15 (`wal_level=logical`, started by test-support's PostgresLauncher) ")
                .append("and Debezium PostgreSQL connector ").append(debeziumVersion)
                .append(" in a real Kafka Connect worker (plugin loaded from `connect-plugins/target/plugins`), configured ")
                .append("with `connectors/base/aurora-catalog.json` merged with `connectors/env/local.json`: ")
                .append("`plugin.name=pgoutput`, `decimal.handling.mode=string`, JsonConverter with `schemas.enable=false` ")
                .append("for key and value, `provide.transaction.metadata=true`, topic prefix `aurora`.\n\n")
                .append("Re-capture (rewrites every file here; commit the result):\n\n")
                .append("    ./mvnw -o -q -pl connect-plugins install\n")
                .append("    ./mvnw -o -q -pl integration-tests test -Pcapture\n\n")
                .append("Program: `integration-tests/src/test/java/io/ticketstream/it/capture/` ")
                .append("(`CatalogChanges` lists every statement, one transaction per change).\n\n")
                .append("## Format\n\n")
                .append("JSON lines, one record per line, in topic order (one partition per topic during the capture): ")
                .append("`{\"topic\": \"aurora.catalog.<table>\", \"key\": {<primary key>}, \"value\": <Debezium envelope>}`; ")
                .append("`\"value\": null` is a tombstone. Key and value are exactly what the JsonConverter wrote.\n\n")
                .append("| file | records |\n|---|---|\n");
        files.forEach((label, lines) -> out.append("| `").append(label).append(".jsonl` | ").append(lines.size())
                .append(" |\n"));
        out.append("\n`<table>.snapshot`: the initial snapshot (op `r`); `insert`/`update`/`delete`: ops `c`/`u`/`d` ")
                .append("(a delete is followed by its tombstone; with the default replica identity only the key columns of its ")
                .append("`before` are real: nullable columns are null and NOT NULL ones hold type placeholders such as `0` ")
                .append("and `\"\"`, so never read them as data); `performances.key-change`: an UPDATE of the primary key, which Debezium emits as ")
                .append("`d` (old key), tombstone, `c` (new key); `venues.update` and `attractions.update` are dimension changes ")
                .append("(venue renamed, attraction re-genred) after performances referencing them were captured; ")
                .append("`transactions`: BEGIN/END markers from `aurora.transaction` for the streamed transactions. ")
                .append("`transaction.id` is `<txId>:<lsn>` and its LSN part is not the same on every event of one ")
                .append("transaction (see `performances.insert`): group events by `source.txId`.\n");
        return out.toString();
    }

    private static ObjectNode line(String topic, JsonNode key, JsonNode value) {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", topic);
        line.set("key", key);
        line.set("value", value);
        return line;
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
