package io.ticketstream.connect.braze;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
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
import io.ticketstream.connect.braze.record.Tombstones;

/**
 * put() parses records into Braze objects and hands them to the {@link DeliveryEngine}; it never waits on HTTP.
 * preCommit() returns only offsets whose records Braze accepted or that were reported, so Connect never commits
 * past an undelivered record, and every delivery asks Connect for a commit, so what is delivered is committed
 * within moments (what a crash can send twice is what was in flight). A delivery failure is remembered and
 * rethrown on the next put().
 *
 * <p>Back-pressure: when the buffer is full the task pauses its partitions ({@code context.pause}) and resumes
 * them once half of it has drained. Connect keeps calling put() (with no records) while they are paused.
 */
public class BrazeSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(BrazeSinkTask.class);
    /**
     * How long Connect's poll may block while delivery is under way. Connect commits only between polls and needs
     * two loop turns per asynchronous commit (send it, then see it acknowledged): what a kill -9 can make Braze
     * receive twice is what was delivered in that time on top of what was in flight. With 25 ms the kill test
     * measured 0-150 objects sent twice (at most two requests) at 20 requests/s.
     */
    private static final long POLL_WHILE_DELIVERING_MS = 25;

    private BrazeSinkConfig config;
    private BrazeObjectParser parser;
    private ErrorRouter errors;
    private OffsetTracker offsets;
    private BrazeSinkTaskMetrics metrics;
    private DeliveryEngine engine;
    private boolean paused;

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
        metrics = BrazeSinkTaskMetrics.forTask(context, connector, taskId);
        BrazeTransport transport = new JdkBrazeTransport(config);
        engine = new DeliveryEngine(config, taskCount, transport, errors, offsets, metrics, System::currentTimeMillis,
                connector + "-" + taskId);
        // a delivery moves the committable offsets: ask Connect to commit now rather than at its next interval
        engine.onDelivered(context::requestCommit);
        engine.start();
        log.info("Braze sink task {}-{} started; rejected records: {}", connector, taskId,
                ErrorRouter.describe(reporter, config.behaviorOnError(), props));
        if (reporter != null && props.containsKey(BrazeSinkConfig.BEHAVIOR_ON_ERROR)) {
            log.warn("{}={} is not used: Connect handed this task an errant-record reporter (errors.tolerance, "
                    + "errors.log.enable, errors.deadletterqueue.topic.name decide what happens to rejected records)",
                    BrazeSinkConfig.BEHAVIOR_ON_ERROR, props.get(BrazeSinkConfig.BEHAVIOR_ON_ERROR));
        }
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // workers older than Kafka 2.6
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        log.info("Assigned {}", partitions);
        if (engine != null) {
            engine.assigned(partitions);
        }
        // Connect re-pauses a newly assigned partition that this task once paused (its context remembers the
        // request across rebalances). With cooperative rebalancing the task may have resumed what it had left in
        // between, so a partition paused under the old assignment came back paused with nothing to resume it: the
        // task then waited for records forever (BrazeSinkIT: 2 partitions never delivered). Make the new partitions
        // follow the task's current state.
        TopicPartition[] added = partitions.toArray(new TopicPartition[0]);
        if (paused) {
            context.pause(added);
        } else {
            context.resume(added);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        rethrowFailure();
        long now = System.currentTimeMillis();
        List<PendingRecord> accepted = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
            long offset = record.kafkaOffset();
            offsets.register(partition, offset);
            if (record.value() == null && !config.deleteOnTombstone()) {
                offsets.markDone(partition, offset); // tombstone: nothing to tell Braze
                continue;
            }
            BrazeObject object;
            try {
                object = record.value() == null ? Tombstones.deletion(record)
                        : parser.parse(record.value(), record.valueSchema());
            } catch (BadRecordException e) {
                metrics.badRecord();
                errors.report(record, partition + "@" + offset, e);
                offsets.markDone(partition, offset);
                continue;
            }
            accepted.add(new PendingRecord(record, partition, offset, object, now));
        }
        engine.enqueue(accepted);
        applyBackPressure();
        if (!engine.idle()) {
            // Connect's poll otherwise blocks until its next commit interval when nothing new arrives (or everything
            // is paused): the commits requested by deliveries and the resume below would wait for it
            context.timeout(POLL_WHILE_DELIVERING_MS);
        }
    }

    /**
     * Pauses every assigned partition while the buffer is full and resumes them once it is half empty: the same
     * signal as a RetriableException from put(), without the ERROR log and stack trace Connect writes for one.
     */
    private void applyBackPressure() {
        int buffered = engine.buffered();
        if (!paused && buffered >= config.bufferMaxRecords()) {
            Set<TopicPartition> assignment = context.assignment();
            context.pause(assignment.toArray(new TopicPartition[0]));
            paused = true;
            log.info("Buffer full ({} records): paused {} until Braze's rate limit drains half of it", buffered,
                    assignment);
        } else if (paused && buffered <= config.bufferMaxRecords() / 2) {
            Set<TopicPartition> assignment = context.assignment();
            context.resume(assignment.toArray(new TopicPartition[0]));
            paused = false;
            log.info("Buffer at {} records: resumed {}", buffered, assignment);
        }
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

    /** Revoked: when this returns, nothing of these partitions is sent any more (see DeliveryEngine#revoke). */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        log.info("Revoked {}", partitions);
        if (engine != null) {
            engine.revoke(partitions);
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
