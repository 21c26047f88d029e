package io.ticketstream.local.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.local.kafka.StackTopics;
import io.ticketstream.local.warehouse.StarSchema;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.lag.GroupSelector;
import io.ticketstream.ops.lag.LagMonitor;
import io.ticketstream.ops.lag.OffsetSampler;
import io.ticketstream.ops.lag.PartitionLag;
import io.ticketstream.ops.lag.StatusEvaluator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Gathers one {@link StatusSnapshot}: end offsets of raw and canonical topics (Admin API), the Braze simulator's
 * stats, consumer lag through ops-cli's sampler and monitor (the same numbers {@code ticketstream ops lag}
 * prints), connector and task states through ops-cli's Connect REST client, and warehouse row counts.
 */
public final class StatusCollector {

    private final Admin admin;
    private final ConnectClient connect;
    private final BrazeSimulator braze;
    private final StarSchema warehouse;
    private final Supplier<String> streamsState;
    private final LongSupplier trafficEvents;
    private final LongSupplier catalogChanges;
    private final OffsetSampler sampler;
    private final LagMonitor lag = new LagMonitor(10, 60, new StatusEvaluator(Duration.ofMinutes(5)));
    private final long startedAt = System.currentTimeMillis();

    public StatusCollector(Admin admin, ConnectClient connect, BrazeSimulator braze, StarSchema warehouse,
                           String streamsApplicationId, Supplier<String> streamsState,
                           LongSupplier trafficEvents, LongSupplier catalogChanges) {
        this.admin = admin;
        this.connect = connect;
        this.braze = braze;
        this.warehouse = warehouse;
        this.streamsState = streamsState;
        this.trafficEvents = trafficEvents;
        this.catalogChanges = catalogChanges;
        this.sampler = new OffsetSampler(admin, new GroupSelector(Set.of(streamsApplicationId), null),
                IsolationLevel.READ_UNCOMMITTED, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    public StatusSnapshot collect() {
        List<String> topics = new ArrayList<>(StackTopics.raw());
        topics.addAll(StackTopics.CANONICAL);
        topics.add(StackTopics.DLQ);
        topics.add(StackTopics.CONNECT_DLQ);
        topics.add(StackTopics.BRAZE_DLQ);
        Map<String, Long> ends = endOffsets(topics);

        Map<String, Long> perSource = new LinkedHashMap<>();
        for (String source : StackTopics.SOURCE_ORDER) {
            perSource.put(source, StackTopics.RAW_BY_SOURCE.get(source).stream().mapToLong(t -> ends.getOrDefault(t, 0L)).sum());
        }
        Map<String, Long> canonical = new LinkedHashMap<>();
        StackTopics.CANONICAL.forEach(t -> canonical.put(t, ends.getOrDefault(t, 0L)));

        SimulatorStats stats = braze.stats();
        Map<String, Long> warehouseRows = warehouse.rowCounts();

        return new StatusSnapshot((System.currentTimeMillis() - startedAt) / 1000, perSource, canonical,
                ends.getOrDefault(StackTopics.DLQ, 0L), ends.getOrDefault(StackTopics.CONNECT_DLQ, 0L),
                ends.getOrDefault(StackTopics.BRAZE_DLQ, 0L),
                streamsState.get(), stats.requestsByEndpoint().values().stream().mapToLong(Long::longValue).sum(),
                stats.acceptedObjects(), stats.tooManyRequestsTotal(), lagPerGroup(), connectors(), warehouseRows,
                trafficEvents.getAsLong(), catalogChanges.getAsLong());
    }

    /** Sum of records in a topic (end offsets; compaction and transactions markers make it approximate). */
    private Map<String, Long> endOffsets(List<String> topics) {
        Map<String, Long> out = new HashMap<>();
        try {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
        } catch (Exception e) {
            // a topic not created yet, or the broker is stopping: show what we have
        }
        return out;
    }

    private Map<String, Long> lagPerGroup() {
        try {
            List<PartitionLag> lags = lag.update(sampler.sample());
            return lags.stream().collect(Collectors.groupingBy(l -> l.key().group(), TreeMap::new,
                    Collectors.summingLong(PartitionLag::lagRecords)));
        } catch (Exception e) {
            return Map.of();
        }
    }

    private List<StatusSnapshot.ConnectorLine> connectors() {
        List<StatusSnapshot.ConnectorLine> lines = new ArrayList<>();
        try {
            for (String name : connect.connectorNames().stream().sorted().toList()) {
                JsonNode status = connect.status(name);
                lines.add(new StatusSnapshot.ConnectorLine(name, -1, status.path("connector").path("state").asText("?"),
                        firstLine(status.path("connector").path("trace").asText(null))));
                for (JsonNode task : status.path("tasks")) {
                    lines.add(new StatusSnapshot.ConnectorLine(name, task.path("id").asInt(), task.path("state").asText("?"),
                            firstLine(task.path("trace").asText(null))));
                }
            }
        } catch (RuntimeException e) {
            lines.add(new StatusSnapshot.ConnectorLine("(Connect REST unreachable)", -1, "?", e.getMessage()));
        }
        return lines;
    }

    private static String firstLine(String trace) {
        if (trace == null || trace.isEmpty()) {
            return null;
        }
        int nl = trace.indexOf('\n');
        String first = nl < 0 ? trace : trace.substring(0, nl);
        return first.length() > 120 ? first.substring(0, 120) + "..." : first;
    }
}
