package io.ticketstream.local.status;

import java.util.List;
import java.util.Map;

/**
 * Everything one refresh of the status screen shows, gathered first so that rendering is a pure function (and
 * testable without a running stack). Record counts are data records (commit markers and aborted records are not
 * counted).
 */
public record StatusSnapshot(
        long uptimeSeconds,
        Map<String, Long> eventsPerSource,
        Map<String, Long> recordsPerCanonicalTopic,
        long streamsDlq,
        long connectDlq,
        long brazeDlq,
        String streamsState,
        long brazeRequests,
        long brazeObjects,
        long braze429,
        Map<String, GroupLag> lagPerGroup,
        List<ConnectorLine> connectors,
        Map<String, Long> warehouseRows,
        long trafficEvents,
        long catalogChanges) {

    /** One connector or task and its state; {@code task} is -1 for the connector itself; {@code error} is the cause, whole. */
    public record ConnectorLine(String connector, int task, String state, String error) {
    }

    /**
     * A consumer group's lag summed over its partitions: data records behind, the age of its oldest unconsumed
     * record in seconds among the partitions whose records carry a time (NaN when none does), and its Burrow-style roll-up (OK, WARN, ERR).
     */
    public record GroupLag(long records, double oldestSeconds, String status) {
    }
}
