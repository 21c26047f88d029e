package io.ticketstream.local.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.OptionalDouble;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.braze.simulator.SimulatorStats;
import io.ticketstream.local.kafka.StackTopics;
import io.ticketstream.local.warehouse.StarSchema;
import io.ticketstream.ops.connect.ConnectClient;
import io.ticketstream.ops.connect.ConnectorHealth;
import io.ticketstream.ops.connect.TraceSummary;
import io.ticketstream.ops.lag.DataRecordProbe;
import io.ticketstream.ops.lag.GroupSelector;
import io.ticketstream.ops.lag.LagStatus;
import io.ticketstream.ops.lag.LagMonitor;
import io.ticketstream.ops.lag.OffsetSampler;
import io.ticketstream.ops.lag.PartitionLag;
import io.ticketstream.ops.lag.StatusEvaluator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.IsolationLevel;

/**
 * Gathers one {@link StatusSnapshot}: data records of raw, canonical and dead-letter topics ({@link RecordCounter}:
 * commit markers are not records), the Braze simulator's stats, consumer lag through ops-cli's sampler and monitor
 * (the same numbers {@code ticketstream lag} prints), connector and task states with their causes through ops-cli's
 * Connect REST client, and warehouse row counts.
 */
public final class StatusCollector implements AutoCloseable {

    private final ConnectClient connect;
    private final BrazeSimulator braze;
    private final StarSchema warehouse;
    private final Supplier<String> streamsState;
    private final LongSupplier trafficEvents;
    private final LongSupplier catalogChanges;
    private final OffsetSampler sampler;
    private final RecordCounter counter;
    private final LagMonitor lag = new LagMonitor(10, new StatusEvaluator(Duration.ofMinutes(5)));
    private final long startedAt = System.currentTimeMillis();

    public StatusCollector(Admin admin, String bootstrapServers, ConnectClient connect, BrazeSimulator braze,
                           StarSchema warehouse, DataRecordProbe probe, String streamsApplicationId,
                           Supplier<String> streamsState, LongSupplier trafficEvents, LongSupplier catalogChanges) {
        this.connect = connect;
        this.braze = braze;
        this.warehouse = warehouse;
        this.streamsState = streamsState;
        this.trafficEvents = trafficEvents;
        this.catalogChanges = catalogChanges;
        this.sampler = new OffsetSampler(admin, new GroupSelector(Set.of(streamsApplicationId), null),
                IsolationLevel.READ_COMMITTED, Clock.systemUTC(), Duration.ofSeconds(5), probe);
        List<String> topics = new ArrayList<>(StackTopics.raw());
        topics.addAll(StackTopics.CANONICAL);
        topics.addAll(List.of(StackTopics.DLQ, StackTopics.CONNECT_DLQ, StackTopics.BRAZE_DLQ));
        this.counter = new RecordCounter(bootstrapServers, topics);
    }

    public StatusSnapshot collect() {
        Map<String, Long> records = countRecords();
        Map<String, Long> perSource = new LinkedHashMap<>();
        for (String source : StackTopics.SOURCE_ORDER) {
            perSource.put(source, StackTopics.RAW_BY_SOURCE.get(source).stream().mapToLong(t -> records.getOrDefault(t, 0L)).sum());
        }
        Map<String, Long> canonical = new LinkedHashMap<>();
        StackTopics.CANONICAL.forEach(t -> canonical.put(t, records.getOrDefault(t, 0L)));

        SimulatorStats stats = braze.stats();
        Map<String, Long> warehouseRows = warehouse.rowCounts();

        return new StatusSnapshot((System.currentTimeMillis() - startedAt) / 1000, perSource, canonical,
                records.getOrDefault(StackTopics.DLQ, 0L), records.getOrDefault(StackTopics.CONNECT_DLQ, 0L),
                records.getOrDefault(StackTopics.BRAZE_DLQ, 0L),
                streamsState.get(), stats.requestsByEndpoint().values().stream().mapToLong(Long::longValue).sum(),
                stats.acceptedObjects(), stats.tooManyRequestsTotal(), lagPerGroup(), connectors(), warehouseRows,
                trafficEvents.getAsLong(), catalogChanges.getAsLong());
    }

    private Map<String, Long> countRecords() {
        try {
            return counter.count(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            return Map.of(); // the broker is stopping: show what we have next time
        }
    }

    private Map<String, StatusSnapshot.GroupLag> lagPerGroup() {
        try {
            Map<String, List<PartitionLag>> byGroup = lag.update(sampler.sample()).stream()
                    .collect(Collectors.groupingBy(l -> l.key().group(), TreeMap::new, Collectors.toList()));
            Map<String, StatusSnapshot.GroupLag> out = new LinkedHashMap<>();
            byGroup.forEach((group, partitions) -> out.put(group, new StatusSnapshot.GroupLag(
                    partitions.stream().mapToLong(PartitionLag::lagRecords).sum(),
                    // the oldest age known: a partition whose records carry no time (the streams app's internal
                    // progress reports) must not hide the age the others show
                    partitions.stream().map(PartitionLag::lagSeconds).filter(OptionalDouble::isPresent)
                            .mapToDouble(OptionalDouble::getAsDouble).max().orElse(Double.NaN),
                    LagStatus.groupStatus(partitions.stream().map(PartitionLag::status).toList()))));
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private List<StatusSnapshot.ConnectorLine> connectors() {
        List<StatusSnapshot.ConnectorLine> lines = new ArrayList<>();
        try {
            for (String name : connect.connectorNames().stream().sorted().toList()) {
                ConnectorHealth health = ConnectorHealth.parse(connect.status(name));
                lines.add(new StatusSnapshot.ConnectorLine(name, -1, health.state(), TraceSummary.cause(health.trace())));
                for (ConnectorHealth.TaskHealth task : health.tasks()) {
                    lines.add(new StatusSnapshot.ConnectorLine(name, task.id(), task.state(), TraceSummary.cause(task.trace())));
                }
            }
        } catch (RuntimeException e) {
            lines.add(new StatusSnapshot.ConnectorLine("(Connect REST unreachable)", -1, "?", e.getMessage()));
        }
        return lines;
    }

    @Override
    public void close() {
        counter.close();
    }
}
