package io.ticketstream.ops.lag.render;

import io.ticketstream.ops.lag.PartitionLag;
import io.ticketstream.ops.render.TextTable;
import java.util.List;
import java.util.Locale;

/** The human view: one row per group/topic/partition, like {@code kafka-consumer-groups --describe} plus seconds and status. */
public final class LagTableRenderer {

    public String render(List<PartitionLag> lags) {
        if (lags.isEmpty()) {
            return "no committed offsets found for the selected groups\n";
        }
        TextTable table = new TextTable("GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "LAG-SECONDS", "STATUS");
        for (PartitionLag lag : lags) {
            table.row(lag.key().group(), lag.key().topic(), lag.key().partition(), lag.committedOffset(), lag.endOffset(),
                    lag.lagRecords(), seconds(lag), lag.status());
        }
        return table.render();
    }

    static String seconds(PartitionLag lag) {
        return lag.lagSeconds().isPresent() ? String.format(Locale.ROOT, "%.1f", lag.lagSeconds().getAsDouble()) : "n/a";
    }
}
