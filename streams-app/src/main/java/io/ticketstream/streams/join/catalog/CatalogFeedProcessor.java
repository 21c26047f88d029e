package io.ticketstream.streams.join.catalog;

import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.join.progress.ProgressEmitter;
import io.ticketstream.streams.join.progress.Progressed;
import io.ticketstream.streams.join.progress.SourcePartition;
import io.ticketstream.streams.normalize.NormalizedRow;
import io.ticketstream.streams.topology.RawTopicLayout;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.Collection;

/**
 * Feeds the catalogue (attractions, venues, performances) to the tasks that keep a copy of it: validates each
 * row once (a bad row is dead-lettered here, not once per copy), forwards it, and reports this task's progress
 * on its raw partitions every {@code interval}, so the copies know when they have everything up to a time.
 *
 * <p>Records leave with timestamp 0: they cross to tasks that order their own inputs by timestamp, and the
 * catalogue must never wait behind sales there; each row carries its commit time inside.
 */
public final class CatalogFeedProcessor implements Processor<String, NormalizedRow, String, Progressed<NormalizedRow>> {

    static final String WATERMARK_KEY = "watermark";

    private final Collection<String> rawTopics;
    private final RawTopicLayout layout;
    private final JoinSettings settings;
    private ProcessorContext<String, Progressed<NormalizedRow>> context;
    private ProgressEmitter progress;

    public CatalogFeedProcessor(Collection<String> rawTopics, RawTopicLayout layout, JoinSettings settings) {
        this.rawTopics = rawTopics;
        this.layout = layout;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Progressed<NormalizedRow>> context) {
        this.context = context;
        this.progress = new ProgressEmitter(layout.sourcesOfTask(rawTopics, context.taskId().partition()),
                settings.caughtUp(), context.currentSystemTimeMs());
        context.schedule(settings.watermarkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> context.forward(
                new Record<>(WATERMARK_KEY, Progressed.watermark(progress.report(now)), 0L)));
    }

    @Override
    public void process(Record<String, NormalizedRow> record) {
        NormalizedRow row = record.value();
        CatalogRows.validate(row); // throws: dead-lettered by the processing exception handler
        RecordMetadata source = context.recordMetadata().orElseThrow();
        progress.processed(new SourcePartition(source.topic(), source.partition()), row.commitTs(),
                context.currentSystemTimeMs());
        context.forward(new Record<>(row.mapping() + "|" + row.key(), Progressed.data(row), 0L));
    }
}
