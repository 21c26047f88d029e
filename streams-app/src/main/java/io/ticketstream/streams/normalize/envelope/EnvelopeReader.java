package io.ticketstream.streams.normalize.envelope;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.streams.normalize.ErrorKind;
import io.ticketstream.streams.normalize.NormalizationException;
import io.ticketstream.streams.normalize.mapping.ConnectorKind;
import io.ticketstream.streams.normalize.mapping.Mapping;

/**
 * Reads a Debezium 3.x change-event envelope (JSON without embedded schema) into a {@link ChangeEvent}.
 * Relational connectors (SQL Server, PostgreSQL) carry row images as JSON objects; the MongoDB connector
 * carries them as Extended JSON strings, and its key is {@code {"id": "<_id as Extended JSON>"}}.
 */
public final class EnvelopeReader {

    private final Mapping mapping;

    public EnvelopeReader(Mapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @param keyText the raw record key (JSON text, may be null)
     * @param value   the parsed record value, never null (tombstones are handled before)
     */
    public ChangeEvent read(String keyText, JsonNode value) {
        if (!value.isObject()) {
            throw error(ErrorKind.NOT_AN_OBJECT, null, "record value is " + value.getNodeType().name().toLowerCase()
                    + ", expected a Debezium envelope object");
        }
        JsonNode opNode = value.get("op");
        if (opNode == null || opNode.isNull()) {
            throw error(ErrorKind.MISSING_OP, "op", "envelope has no 'op'");
        }
        ChangeEvent.Op op = opNode.isTextual() ? ChangeEvent.Op.of(opNode.textValue()) : null;
        if (op == null) {
            throw error(ErrorKind.UNKNOWN_OP, "op", "unknown op " + abbreviate(opNode.toString()) + " (expected c, u, d, r, t or m)");
        }
        long commitTs = commitTs(value);
        if (!op.carriesRow()) {
            return new ChangeEvent(op, commitTs, null);
        }
        ObjectNode keyImage = keyImage(keyText);
        RowImage image = switch (op) {
            case DELETE -> RowImage.delete(rowImage(value, "before"), keyImage);
            case UPDATE -> updateImage(value, keyImage);
            default -> RowImage.full(required(rowImage(value, "after"), "after", op), keyImage);
        };
        return new ChangeEvent(op, commitTs, image);
    }

    /** The commit time ({@code source.ts_ms}), or -1 when missing or invalid: for timestamp extraction. */
    public static long commitTsOrNegative(JsonNode value) {
        if (value == null || !value.isObject()) {
            return -1;
        }
        JsonNode ts = value.path("source").path("ts_ms");
        return ts.isIntegralNumber() && ts.canConvertToLong() && ts.longValue() >= 0 ? ts.longValue() : -1;
    }

    private long commitTs(JsonNode value) {
        JsonNode source = value.get("source");
        if (source == null || !source.isObject()) {
            throw error(ErrorKind.BAD_COMMIT_TIME, "source.ts_ms", "envelope has no 'source' object");
        }
        JsonNode ts = source.get("ts_ms");
        if (ts == null || ts.isNull()) {
            throw error(ErrorKind.BAD_COMMIT_TIME, "source.ts_ms", "missing");
        }
        long millis = commitTsOrNegative(value);
        if (millis < 0) {
            throw error(ErrorKind.BAD_COMMIT_TIME, "source.ts_ms", "value " + abbreviate(ts.toString())
                    + " is not a non-negative integer (epoch millis)");
        }
        return millis;
    }

    private RowImage updateImage(JsonNode value, ObjectNode keyImage) {
        ObjectNode after = rowImage(value, "after");
        if (after != null) {
            return RowImage.full(after, keyImage);
        }
        if (mapping.connector() != ConnectorKind.MONGODB) {
            throw error(ErrorKind.MISSING_ROW_IMAGE, "after", "update (op u) without an 'after' image");
        }
        // MongoDB could not look the full document up (deleted since, or lookup failed): fall back to
        // what the change stream said changed, and never invent the rest.
        JsonNode description = value.get("updateDescription");
        if (description == null || !description.isObject()) {
            throw error(ErrorKind.NOTHING_USABLE, "after", "MongoDB update with null 'after' and no updateDescription");
        }
        ObjectNode updated = rowImage(description, "updatedFields");
        List<String> removed = stringList(description.get("removedFields"), "updateDescription.removedFields");
        List<String> truncated = new ArrayList<>();
        JsonNode truncatedArrays = description.get("truncatedArrays");
        if (truncatedArrays != null && truncatedArrays.isArray()) {
            truncatedArrays.forEach(t -> truncated.add(t.path("field").asText()));
        }
        if ((updated == null || updated.isEmpty()) && removed.isEmpty() && truncated.isEmpty()) {
            throw error(ErrorKind.NOTHING_USABLE, "updateDescription",
                    "MongoDB update with null 'after' and an updateDescription that changes nothing");
        }
        return RowImage.partial(updated == null ? Json.MAPPER.createObjectNode() : updated, removed, truncated, keyImage);
    }

    private ObjectNode required(ObjectNode image, String name, ChangeEvent.Op op) {
        if (image == null) {
            throw error(ErrorKind.MISSING_ROW_IMAGE, name, "op " + op.code() + " without an '" + name + "' image");
        }
        return image;
    }

    /**
     * A row image: an object (relational) or an Extended JSON string holding an object (MongoDB).
     */
    private ObjectNode rowImage(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (mapping.connector() == ConnectorKind.MONGODB && node.isTextual()) {
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(node.textValue());
            } catch (JsonProcessingException e) {
                throw error(ErrorKind.BAD_EXTENDED_JSON, name, "'" + name + "' is not valid Extended JSON: "
                        + abbreviate(e.getOriginalMessage()));
            }
            if (parsed == null || !parsed.isObject()) {
                throw error(ErrorKind.BAD_EXTENDED_JSON, name, "'" + name + "' does not hold a JSON document");
            }
            return (ObjectNode) parsed;
        }
        if (!node.isObject()) {
            throw error(ErrorKind.WRONG_TYPE, name, "'" + name + "' is " + node.getNodeType().name().toLowerCase()
                    + ", expected " + (mapping.connector() == ConnectorKind.MONGODB ? "an Extended JSON string" : "an object"));
        }
        return (ObjectNode) node;
    }

    private List<String> stringList(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw error(ErrorKind.WRONG_TYPE, name, "'" + name + "' is not an array");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The record key as a row image: relational keys are already {@code {"col": value}}; MongoDB's is
     * {@code {"id": "<Extended JSON of _id>"}} and becomes {@code {"_id": <parsed>}}. Null when the key is
     * missing or unreadable: it is only needed when the value's images lack the key fields.
     */
    private ObjectNode keyImage(String keyText) {
        if (keyText == null) {
            return null;
        }
        JsonNode key;
        try {
            key = Json.MAPPER.readTree(keyText);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (key == null || !key.isObject()) {
            return null;
        }
        if (mapping.connector() != ConnectorKind.MONGODB) {
            return (ObjectNode) key;
        }
        JsonNode id = key.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        JsonNode parsedId = id;
        if (id.isTextual()) {
            try {
                parsedId = Json.MAPPER.readTree(id.textValue());
            } catch (JsonProcessingException e) {
                parsedId = id; // a plain string _id
            }
        }
        ObjectNode image = Json.MAPPER.createObjectNode();
        image.set("_id", parsedId);
        return image;
    }

    private NormalizationException error(ErrorKind kind, String field, String reason) {
        return new NormalizationException(kind, mapping.name(), field, reason);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
