package io.ticketstream.streams.dlq;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records whose bytes cannot be deserialised (not JSON, corrupt internal records) go to the DLQ with
 * their context, and processing continues. Without a DLQ topic configured it fails instead: a record
 * must never vanish.
 */
public class DlqDeserializationExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DlqDeserializationExceptionHandler.class);

    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetterQueue.topicFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (dlqTopic == null) {
            log.error("Cannot deserialise {}-{}@{} and no dead-letter topic is configured: failing rather than losing it",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        log.warn("Dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), dlqTopic,
                exception.getMessage());
        return Response.resume(List.of(DeadLetterQueue.record(dlqTopic, record.key(), record.value(),
                record.topic(), record.partition(), record.offset(), exception)));
    }
}
