package io.ticketstream.streams.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.LogCaptureAppender;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.ticketstream.streams.join.JoinDataException;
import io.ticketstream.streams.normalize.ErrorKind;
import io.ticketstream.streams.normalize.NormalizationException;

/** What the on-call engineer sees in the log when a record is dead-lettered: a data problem is one warning line. */
class DlqProcessingExceptionHandlerTest {

    private static final Record<String, String> RECORD = new Record<>("k", "v", 0L);

    @Test
    void dataProblemsFromNormalisationAndJoinsAreOneLineWarningsAndStillDeadLettered() {
        for (RuntimeException problem : List.of(
                new JoinDataException("orders", "42", "status", "SHIPPED", "not a symbol of OrderStatus"),
                new NormalizationException(ErrorKind.values()[0], "orders", "total_amount", "not a decimal"),
                new IllegalStateException("wrapped", new JoinDataException("tickets", "7", "price", "1.234", "more than 2 decimals")))) {
            try (LogCaptureAppender logs = LogCaptureAppender.createAndRegister(DlqProcessingExceptionHandler.class)) {
                ProcessingExceptionHandler.Response response = handler().handleError(context(), RECORD, problem);

                assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
                assertEquals(1, response.deadLetterQueueRecords().size(), "dead-lettered");
                LogCaptureAppender.Event event = logs.getEvents().get(0);
                assertEquals("WARN", event.getLevel());
                assertTrue(event.getThrowableInfo().isEmpty(), "no stack trace for bad data: " + problem);
                Throwable dataProblem = problem.getCause() != null ? problem.getCause() : problem;
                assertTrue(event.getMessage().contains(dataProblem.getMessage()), event.getMessage());
            }
        }
    }

    @Test
    void anythingElseIsAnErrorWithItsStackTraceBecauseItIsMoreLikelyABug() {
        try (LogCaptureAppender logs = LogCaptureAppender.createAndRegister(DlqProcessingExceptionHandler.class)) {
            ProcessingExceptionHandler.Response response = handler().handleError(context(), RECORD,
                    new NullPointerException("bug"));

            assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
            LogCaptureAppender.Event event = logs.getEvents().get(0);
            assertEquals("ERROR", event.getLevel());
            assertTrue(event.getThrowableInfo().orElse("").contains("NullPointerException"));
        }
    }

    private static DlqProcessingExceptionHandler handler() {
        DlqProcessingExceptionHandler handler = new DlqProcessingExceptionHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "ticketing.streams.dlq"));
        return handler;
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "sqlserver.ticketing.dbo.orders"; }
            @Override public int partition() { return 1; }
            @Override public long offset() { return 99; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "order-join"; }
            @Override public TaskId taskId() { return new TaskId(0, 1); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return "{\"order_id\":42}".getBytes(StandardCharsets.UTF_8); }
            @Override public byte[] sourceRawValue() { return "{}".getBytes(StandardCharsets.UTF_8); }
        };
    }
}
