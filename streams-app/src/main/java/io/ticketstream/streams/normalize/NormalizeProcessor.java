package io.ticketstream.streams.normalize;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.streams.normalize.envelope.ChangeEvent;
import io.ticketstream.streams.normalize.envelope.EnvelopeReader;
import io.ticketstream.streams.normalize.mapping.DeleteHandling;
import io.ticketstream.streams.normalize.mapping.Mapping;

/**
 * Turns raw Debezium envelopes of one mapping into {@link NormalizedRow}s keyed by {@link NormalizedRow#key()}
 * and timestamped with the commit time. Malformed input is thrown as {@link NormalizationException} so
 * that the processing exception handler dead-letters it; everything skipped is counted.
 */
final class NormalizeProcessor implements Processor<String, JsonNode, String, NormalizedRow> {

    private final Mapping mapping;
    private final EnvelopeReader reader;
    private final RowMapper mapper;
    private final PartitionKeyCheck partitionKey;
    private ProcessorContext<String, NormalizedRow> context;
    private NormalizeMetrics metrics;

    NormalizeProcessor(Mapping mapping) {
        this.mapping = mapping;
        this.reader = new EnvelopeReader(mapping);
        this.mapper = new RowMapper(mapping);
        this.partitionKey = mapping.partitionKey() == null ? null : new PartitionKeyCheck(mapping);
    }

    @Override
    public void init(ProcessorContext<String, NormalizedRow> context) {
        this.context = context;
        this.metrics = new NormalizeMetrics(context.metrics(), mapping.name());
    }

    @Override
    public void process(Record<String, JsonNode> record) {
        if (record.value() == null) {
            metrics.record(NormalizeMetrics.Reason.SKIPPED_TOMBSTONE);
            return;
        }
        try {
            NormalizedRow row = normalize(record);
            if (row != null && partitionKey != null) {
                partitionKey.check(context.recordMetadata().map(m -> m.topic()).orElse("?"), record.key(), row);
            }
            if (row != null) {
                context.forward(record.withKey(row.key()).withValue(row).withTimestamp(row.commitTs()));
            }
        } catch (NormalizationException e) {
            metrics.record(NormalizeMetrics.Reason.DEAD_LETTERED);
            throw e;
        }
    }

    private NormalizedRow normalize(Record<String, JsonNode> record) {
        ChangeEvent event = reader.read(record.key(), record.value());
        switch (event.op()) {
            case TRUNCATE -> {
                metrics.record(NormalizeMetrics.Reason.SKIPPED_TRUNCATE);
                return null;
            }
            case MESSAGE -> {
                metrics.record(NormalizeMetrics.Reason.SKIPPED_MESSAGE);
                return null;
            }
            case DELETE -> {
                if (mapping.deletes() == DeleteHandling.SKIP) {
                    metrics.record(NormalizeMetrics.Reason.SKIPPED_DELETE);
                    return null;
                }
            }
            default -> { }
        }
        NormalizedRow row = mapper.map(event);
        if (row == null) {
            metrics.record(NormalizeMetrics.Reason.SKIPPED_UNMAPPED_UPDATE);
        }
        return row;
    }
}
