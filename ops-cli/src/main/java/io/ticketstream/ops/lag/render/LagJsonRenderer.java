package io.ticketstream.ops.lag.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketstream.ops.lag.PartitionLag;
import java.util.List;

/**
 * The script view: a JSON array. {@code end_offset} is the log end (as kafka-consumer-groups), {@code data_end_offset}
 * the offset after the last data record, which lag is measured to; {@code lag_seconds} null when it could not be read.
 */
public final class LagJsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String render(List<PartitionLag> lags) {
        ArrayNode array = JSON.createArrayNode();
        for (PartitionLag lag : lags) {
            ObjectNode row = array.addObject();
            row.put("group", lag.key().group());
            row.put("topic", lag.key().topic());
            row.put("partition", lag.key().partition());
            row.put("committed_offset", lag.committedOffset());
            row.put("end_offset", lag.endOffset());
            row.put("data_end_offset", lag.dataEndOffset());
            row.put("lag_records", lag.lagRecords());
            if (lag.lagSeconds().isPresent()) {
                row.put("lag_seconds", lag.lagSeconds().getAsDouble());
            } else {
                row.putNull("lag_seconds");
            }
            row.put("status", lag.status().name());
            row.put("status_code", lag.status().code());
            row.put("samples", lag.samples());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
