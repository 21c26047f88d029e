package io.ticketstream.connect.braze.delivery;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ticketstream.connect.braze.config.BehaviorOnError;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;

/**
 * Where a rejected record goes: Connect's dead-letter queue when the worker gives us a reporter (the record
 * lands there with the error in context headers), else per {@code behavior.on.error}. Returning normally means
 * the record is dealt with and its offset may be committed; {@code fail} throws instead.
 *
 * <p>Connect's WorkerSinkTask waits for the reporter's futures before it commits offsets, so a record reported
 * here is in the dead-letter topic before its offset is committed.
 */
public final class ErrorRouter {

    private static final Logger log = LoggerFactory.getLogger(ErrorRouter.class);

    private final ErrantRecordReporter reporter;
    private final BehaviorOnError behavior;

    public ErrorRouter(ErrantRecordReporter reporter, BehaviorOnError behavior) {
        this.reporter = reporter;
        this.behavior = behavior;
    }

    /**
     * What happens to a rejected record, for the start-up log. Connect hands a reporter whenever a dead-letter topic
     * is set OR {@code errors.log.enable=true}; then errors.tolerance decides whether the task fails or goes on,
     * and {@code behavior.on.error} is not used.
     */
    public static String describe(ErrantRecordReporter reporter, BehaviorOnError behavior, Map<String, String> props) {
        if (reporter == null) {
            return BrazeSinkConfig.BEHAVIOR_ON_ERROR + "=" + behavior.name().toLowerCase(Locale.ROOT)
                    + " (Connect handed no errant-record reporter)";
        }
        String dlq = props.getOrDefault("errors.deadletterqueue.topic.name", "");
        return "Connect's errant-record reporter: errors.tolerance=" + props.getOrDefault("errors.tolerance", "none")
                + ", dead-letter topic " + (dlq.isBlank() ? "none" : dlq)
                + ", errors.log.enable=" + props.getOrDefault("errors.log.enable", "false");
    }

    public void report(SinkRecord record, String coordinates, Exception reason) {
        if (reporter != null) {
            reporter.report(record, reason);
            return;
        }
        switch (behavior) {
            case FAIL:
                throw new ConnectException("Record " + coordinates + " rejected: " + reason.getMessage()
                        + ". Configure a dead-letter queue (errors.tolerance=all, errors.deadletterqueue.topic.name) "
                        + "or set " + BrazeSinkConfig.BEHAVIOR_ON_ERROR + "=log to skip such records.", reason);
            case LOG:
                // coordinates and the reason only: the value may hold personal data
                log.warn("Skipping record {}: {}", coordinates, reason.getMessage());
                return;
            case IGNORE:
            default:
                // counted in the task's reported-record metrics; the start-up log says rejected records are dropped
                log.debug("Ignoring record {}: {}", coordinates, reason.getMessage());
        }
    }
}
