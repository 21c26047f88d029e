package io.ticketstream.streams.normalize.mapping;

import java.util.List;
import java.util.Optional;

/**
 * A validated mapping file: how one source table or collection becomes {@link
 * io.ticketstream.streams.normalize.NormalizedRow}s. Immutable; built only by {@link MappingParser}.
 *
 * @param name         mapping name, equal to the file name without extension (e.g. {@code orders})
 * @param file         where it was loaded from, for error messages
 * @param connector    the Debezium connector that produces the raw topic
 * @param defaultTopic raw topic name the file suggests (the application config decides)
 * @param keyFields    canonical names of the key fields, in key order
 * @param fields       every field entry in file order
 * @param deletes      what a source delete becomes
 * @param deleteImage  which columns of a delete's before image are real data
 * @param personalData whether values are personal data (error messages then keep value previews very short)
 * @param partitionKey the canonical field the raw topic must be keyed by alone (its source column, the row's
 *                     value), or null when any key will do; orders, tickets and payments are all keyed by
 *                     order_id so that the rows of one order share a partition number
 */
public record Mapping(String name, String file, ConnectorKind connector, String defaultTopic, List<String> keyFields,
                      List<FieldMapping> fields, DeleteHandling deletes, DeleteImage deleteImage, boolean personalData,
                      String partitionKey) {

    public Mapping {
        keyFields = List.copyOf(keyFields);
        fields = List.copyOf(fields);
    }

    public Optional<FieldMapping> field(String target) {
        return fields.stream().filter(f -> f.target().equals(target)).findFirst();
    }

    public boolean isKey(String target) {
        return keyFields.contains(target);
    }
}
