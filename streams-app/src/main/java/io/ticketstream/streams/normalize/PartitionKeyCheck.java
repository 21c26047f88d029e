package io.ticketstream.streams.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketstream.streams.normalize.envelope.Json;
import io.ticketstream.streams.normalize.mapping.FieldMapping;
import io.ticketstream.streams.normalize.mapping.Mapping;

import java.util.Iterator;
import java.util.Map;

/**
 * Checks that a raw record is keyed by its mapping's {@code partition_key} alone, as
 * {@code {"<source column>": <the row's value>}}. The order join reads orders, tickets and payments of one order
 * on one task without a repartition; a ticket keyed by its own id would sit on another partition and be joined to
 * nothing, silently. Such a record is dead-lettered with the reason instead (fix the connector's
 * {@code message.key.columns} and replay).
 */
final class PartitionKeyCheck {

    private final Mapping mapping;
    private final FieldMapping field;

    PartitionKeyCheck(Mapping mapping) {
        this.mapping = mapping;
        this.field = mapping.field(mapping.partitionKey()).orElseThrow();
    }

    /** @throws NormalizationException {@link ErrorKind#WRONG_PARTITION_KEY} naming the key found and the one expected */
    void check(String topic, String keyText, NormalizedRow row) {
        Object value = row.fields().get(field.target());
        if (value == null) {
            return; // nothing to compare with (a keys-only delete); the join names the missing field
        }
        JsonNode key = parse(keyText);
        if (key != null && key.isObject() && key.size() == 1 && key.has(field.source())
                && key.get(field.source()).asText().equals(value.toString())) {
            return;
        }
        throw new NormalizationException(ErrorKind.WRONG_PARTITION_KEY, mapping.name(), field.target(),
                "raw topic " + topic + " must be keyed by {\"" + field.source() + "\": " + value + "} (the row's "
                        + field.target() + "), so that every row of one " + field.target() + " shares a partition; the "
                        + "key was " + ValuePreview.of(keyText, mapping.personalData())
                        + ". Set the connector's message.key.columns for this table, then replay");
    }

    private static JsonNode parse(String keyText) {
        if (keyText == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(keyText);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
