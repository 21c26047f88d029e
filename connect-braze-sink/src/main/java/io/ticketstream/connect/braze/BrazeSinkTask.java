package io.ticketstream.connect.braze;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.delivery.DeliveryEngine;
import io.ticketstream.connect.braze.delivery.ErrorRouter;
import io.ticketstream.connect.braze.delivery.OffsetTracker;
import io.ticketstream.connect.braze.http.BrazeTransport;
import io.ticketstream.connect.braze.http.JdkBrazeTransport;
import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;
import io.ticketstream.connect.braze.record.BadRecordException;
import io.ticketstream.connect.braze.record.BrazeObject;
import io.ticketstream.connect.braze.record.BrazeObjectParser;

/**
 * put() parses records into Braze objects and hands them to the {@link DeliveryEngine}; it never waits on HTTP.
 * preCommit() returns only offsets whose records Braze accepted or that were reported, so Connect never commits
 * past an undelivered record. A delivery failure is remembered and rethrown on the next put().
 */
public class BrazeSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(BrazeSinkTask.class);

    private BrazeSinkConfig config;
    private BrazeObjectParser parser;
    private ErrorRouter errors;
    private OffsetTracker offsets;
    private BrazeSinkTaskMetrics metrics;
    private DeliveryEngine engine;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new BrazeSinkConfig(props);
        int taskCount = Integer.parseInt(props.getOrDefault(BrazeSinkConnector.TASK_COUNT, "1"));
        String taskId = props.getOrDefault(BrazeSinkConnector.TASK_ID, "0");
        String connector = props.getOrDefault("name", "braze-sink");
        ErrantRecordReporter reporter = errantRecordReporter();
        errors = new ErrorRouter(reporter, config.behaviorOnError());
        parser = new BrazeObjectParser(config.maxPayloadBytes() - 64);
        offsets = new OffsetTracker();
        metrics = new BrazeSinkTaskMetrics();
        metrics.register(connector, taskId);
        BrazeTransport transport = new JdkBrazeTransport(config.restUrl(), config.apiKey(), config.connectTimeout(),
                config.requestTimeout());
        engine = new DeliveryEngine(config, taskCount, transport, errors, offsets, metrics, System::currentTimeMillis,
                connector + "-" + taskId);
        engine.start();
        log.info("Braze sink task {}-{} started (dead-letter queue: {}, behavior.on.error: {})", connector, taskId,
                reporter != null ? "yes" : "no", config.behaviorOnError());
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // workers older than Kafka 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        rethrowFailure();
        if (records.isEmpty()) {
            return;
        }
        try {
            if (!engine.awaitCapacity(records.size(), config.putMaxWait())) {
                // back-pressure without blocking past the poll interval: Connect pauses, waits, redelivers the batch
                context.timeout(config.putMaxWait().toMillis());
                throw new RetriableException("Braze sink buffer full (" + config.bufferMaxRecords()
                        + " records); Braze's rate limit is the bottleneck, retrying this batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while waiting for buffer space", e);
        }
        long now = System.currentTimeMillis();
        List<PendingRecord> accepted = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
            long offset = record.kafkaOffset();
            offsets.register(partition, offset);
            if (record.value() == null) {
                offsets.markDone(partition, offset); // tombstone: nothing to tell Braze
                continue;
            }
            BrazeObject object;
            try {
                object = parser.parse(record.value(), record.valueSchema());
            } catch (BadRecordException e) {
                metrics.badRecord();
                errors.report(record, partition + "@" + offset, e);
                offsets.markDone(partition, offset);
                continue;
            }
            accepted.add(new PendingRecord(record, partition, offset, object, now));
        }
        engine.enqueue(accepted);
    }

    private void rethrowFailure() {
        ConnectException failure = engine.failure();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = engine.committableOffsets();
        committable.keySet().retainAll(currentOffsets.keySet());
        return committable;
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // nothing: preCommit() decides what may be committed, delivery runs on the sender threads
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (engine != null) {
            engine.dropPartitions(partitions);
        }
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /** For tests and benchmarks in this module's package. */
    DeliveryEngine engine() {
        return engine;
    }
}
