package io.ticketstream.streams.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.streams.normalize.envelope.ChangeEvent;
import io.ticketstream.streams.normalize.envelope.RowImage;
import io.ticketstream.streams.normalize.mapping.CastException;
import io.ticketstream.streams.normalize.mapping.DeleteImage;
import io.ticketstream.streams.normalize.mapping.FieldMapping;
import io.ticketstream.streams.normalize.mapping.Mapping;

/** Applies one mapping to one change event's row image: renames, nested paths, casts, checks. */
final class RowMapper {

    /**
     * Debezium's default {@code unavailable.value.placeholder}: what PostgreSQL sends for an unchanged TOASTed
     * column without REPLICA IDENTITY FULL. Such a row becomes partial rather than carrying the placeholder
     * as data.
     */
    static final String UNAVAILABLE_PLACEHOLDER = "__debezium_unavailable_value";

    private final Mapping mapping;

    RowMapper(Mapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @return the row, or null for a partial update that touched none of the mapped fields
     * @throws NormalizationException naming the field and the value when the image does not fit the mapping
     */
    NormalizedRow map(ChangeEvent event) {
        RowImage image = event.image();
        RowImage.Kind kind = image.kind();
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> unknowable = new ArrayList<>();
        boolean unavailable = false;
        for (FieldMapping field : mapping.fields()) {
            if (kind == RowImage.Kind.DELETE && mapping.deleteImage() == DeleteImage.KEYS && !mapping.isKey(field.target())) {
                continue; // placeholders, not data: see DeleteImage
            }
            RowImage.Lookup lookup = image.find(field.path());
            switch (lookup.state()) {
                case UNKNOWN -> {
                    if (kind == RowImage.Kind.FULL) {
                        throw error(ErrorKind.WRONG_TYPE, field, "cannot follow path " + field.source() + ": " + lookup.detail());
                    }
                    if (kind == RowImage.Kind.PARTIAL) {
                        unknowable.add(field.target() + " (" + lookup.detail() + ")");
                    }
                }
                case ABSENT -> {
                    if (kind == RowImage.Kind.FULL) {
                        if (!mapping.connector().nestedDocuments()) {
                            // Relational images list every column: a missing one means the source changed.
                            throw error(ErrorKind.UNKNOWN_COLUMN, field, "column '" + field.source()
                                    + "' is not in the row image (renamed or dropped in the source? edit " + mapping.file() + ")");
                        }
                        put(fields, field, null, kind);
                    }
                }
                case VALUE -> {
                    JsonNode node = lookup.value();
                    if (node.isNull() && kind == RowImage.Kind.DELETE) {
                        continue; // before images may hold keys only; their nulls mean "not captured"
                    }
                    if (node.isTextual() && UNAVAILABLE_PLACEHOLDER.equals(node.textValue())) {
                        unavailable = true; // an unchanged TOASTed PostgreSQL column: value unknown, leave it out
                        continue;
                    }
                    put(fields, field, node.isNull() ? null : convert(field, node), kind);
                }
            }
        }
        if (kind == RowImage.Kind.PARTIAL && !unknowable.isEmpty()) {
            throw new NormalizationException(ErrorKind.NOTHING_USABLE, mapping.name(), null,
                    "MongoDB update with null 'after': the new value of " + String.join(", ", unknowable)
                            + " cannot be known from updateDescription");
        }
        String key = key(fields);
        if (kind == RowImage.Kind.PARTIAL && fields.keySet().stream().allMatch(mapping::isKey)) {
            return null;
        }
        NormalizedRow.Op op = event.op() == ChangeEvent.Op.DELETE ? NormalizedRow.Op.DELETE : NormalizedRow.Op.UPSERT;
        return new NormalizedRow(mapping.name(), op, key, fields, event.commitTs(), kind == RowImage.Kind.PARTIAL || unavailable);
    }

    private void put(Map<String, Object> fields, FieldMapping field, Object value, RowImage.Kind kind) {
        if (value == null && field.required() && kind != RowImage.Kind.DELETE) {
            throw error(ErrorKind.MISSING_REQUIRED, field, "required but null or missing");
        }
        fields.put(field.target(), value);
    }

    private Object convert(FieldMapping field, JsonNode node) {
        Object value;
        try {
            value = field.cast().convert(node);
        } catch (CastException e) {
            throw error(e.kind(), field, "value " + ValuePreview.of(node, mapping.personalData()) + ": " + e.getMessage());
        }
        if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
            throw error(ErrorKind.ENUM_NOT_ALLOWED, field, "value " + ValuePreview.of(node, mapping.personalData())
                    + " is not one of " + field.allowed());
        }
        return value;
    }

    private String key(Map<String, Object> fields) {
        List<String> parts = new ArrayList<>(mapping.keyFields().size());
        for (String name : mapping.keyFields()) {
            Object value = fields.get(name);
            if (value == null) {
                FieldMapping field = mapping.field(name).orElseThrow();
                throw error(ErrorKind.MISSING_KEY, field, "key field is null or missing in the row image and the record key");
            }
            parts.add(value.toString());
        }
        return parts.stream().collect(Collectors.joining("|"));
    }

    private NormalizationException error(ErrorKind kind, FieldMapping field, String reason) {
        String where = field.source().equals(field.target()) ? "" : "source path " + field.source() + ": ";
        return new NormalizationException(kind, mapping.name(), field.target(), where + reason);
    }
}
