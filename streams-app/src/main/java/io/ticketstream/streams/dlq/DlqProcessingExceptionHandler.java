package io.ticketstream.streams.dlq;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.streams.normalize.NormalizationException;

/**
 * An exception thrown by any processor of the topology dead-letters the SOURCE record that led to it
 * (raw bytes as read, with topic, partition, offset and the error) and processing continues: malformed
 * input must never stop the application. Data problems ({@link NormalizationException} from normalisation,
 * {@link io.ticketstream.streams.join.JoinDataException} from the joins) are logged as one-line warnings; anything
 * else as an error with its stack trace, since it is more likely a bug than bad data.
 * Without a DLQ topic configured it fails instead: a record must never vanish.
 */
public class DlqProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DlqProcessingExceptionHandler.class);

    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetterQueue.topicFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (dlqTopic == null) {
            log.error("Processor {} failed on {}-{}@{} and no dead-letter topic is configured: failing rather than losing it",
                    context.processorNodeId(), context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        RuntimeException dataProblem = DeadLetterQueue.dataProblemCause(exception);
        if (dataProblem != null) {
            log.warn("Dead-lettering {}-{}@{} to {}: {}", context.topic(), context.partition(), context.offset(), dlqTopic,
                    dataProblem.getMessage());
        } else {
            log.error("Processor {} failed on {}-{}@{}; dead-lettering it to {}", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), dlqTopic, exception);
        }
        return Response.resume(List.of(DeadLetterQueue.record(dlqTopic, context.sourceRawKey(), context.sourceRawValue(),
                context.topic(), context.partition(), context.offset(), exception)));
    }
}
