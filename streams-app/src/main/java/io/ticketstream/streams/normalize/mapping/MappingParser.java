package io.ticketstream.streams.normalize.mapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and validates one mapping file (YAML). Every problem is reported as a {@link MappingException}
 * naming the file, the entry and the reason: mappings are edited by hand, and a typo must stop the
 * application at start-up rather than turn into nulls at run time.
 *
 * <p>Format (see {@code streams-app/README.md}):
 * <pre>
 * source: { connector: sqlserver, topic: sqlserver.ticketing.dbo.orders }
 * key: [order_id]
 * partition_key: order_id  # optional: the raw record key must be {"order_id": <the row's order_id>}
 * deletes: emit            # emit | skip
 * delete_image: full       # keys | full (default: full for sqlserver, keys otherwise)
 * personal_data: false
 * fields:
 *   - { to: order_id, from: order_id, cast: long, required: true }
 *   - { to: status, cast: enum, allowed: [PENDING, PAID] }     # from defaults to "to"
 * </pre>
 */
public final class MappingParser {

    private static final Set<String> TOP_LEVEL = Set.of("name", "source", "key", "partition_key", "deletes", "delete_image",
            "personal_data", "fields");
    private static final Set<String> SOURCE_KEYS = Set.of("connector", "topic");
    private static final Set<String> FIELD_KEYS = Set.of("to", "from", "cast", "required", "allowed");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** A path segment: a field name as MongoDB and SQL allow it, without dots or whitespace. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private MappingParser() {
    }

    /**
     * @param name mapping name (the file name without extension)
     * @param file file location, used in error messages only
     * @param text the file's content
     */
    public static Mapping parse(String name, String file, String text) {
        if (!NAME.matcher(name).matches()) {
            throw new MappingException(file, null, "mapping name '" + name + "' (from the file name) must match " + NAME);
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MappingException(file, null, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new MappingException(file, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MappingException(file, null, "must be a YAML mapping with keys " + TOP_LEVEL);
        }
        rejectUnknown(root, TOP_LEVEL, file, "(top level)");
        if (root.has("name") && !name.equals(root.get("name").asText())) {
            throw new MappingException(file, "name", "'" + root.get("name").asText() + "' differs from the file name '" + name + "'");
        }

        JsonNode source = root.get("source");
        if (source == null || !source.isObject()) {
            throw new MappingException(file, "source", "missing; needs connector (" + ConnectorKind.validNames() + ")");
        }
        rejectUnknown(source, SOURCE_KEYS, file, "source");
        ConnectorKind connector;
        try {
            connector = ConnectorKind.parse(text(source, "connector", file, "source.connector"));
        } catch (IllegalArgumentException e) {
            throw new MappingException(file, "source.connector", e.getMessage());
        }
        String topic = source.has("topic") ? text(source, "topic", file, "source.topic") : null;

        DeleteHandling deletes = DeleteHandling.EMIT;
        if (root.has("deletes")) {
            try {
                deletes = DeleteHandling.parse(text(root, "deletes", file, "deletes"));
            } catch (IllegalArgumentException e) {
                throw new MappingException(file, "deletes", e.getMessage());
            }
        }
        DeleteImage deleteImage = DeleteImage.defaultFor(connector);
        if (root.has("delete_image")) {
            try {
                deleteImage = DeleteImage.parse(text(root, "delete_image", file, "delete_image"));
            } catch (IllegalArgumentException e) {
                throw new MappingException(file, "delete_image", e.getMessage());
            }
        }
        boolean personal = bool(root, "personal_data", file, "personal_data");

        List<FieldMapping> fields = parseFields(root.get("fields"), connector, file);
        List<String> key = parseKey(root.get("key"), fields, file);
        String partitionKey = parsePartitionKey(root, fields, file);
        return new Mapping(name, file, connector, topic, key, fields, deletes, deleteImage, personal, partitionKey);
    }

    private static List<FieldMapping> parseFields(JsonNode node, ConnectorKind connector, String file) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new MappingException(file, "fields", "missing or empty; a list of {to, from, cast} entries is required");
        }
        List<FieldMapping> fields = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String where = "fields[" + i + "]";
            if (!entry.isObject()) {
                throw new MappingException(file, where, "must be a mapping {to, from, cast}");
            }
            String target = text(entry, "to", file, where);
            where = where + " (to: " + target + ")";
            rejectUnknown(entry, FIELD_KEYS, file, where);
            if (!NAME.matcher(target).matches()) {
                throw new MappingException(file, where, "target name '" + target + "' must match " + NAME);
            }
            if (!targets.add(target)) {
                throw new MappingException(file, where, "duplicate target '" + target + "': each canonical field is mapped once");
            }
            String from = entry.has("from") ? text(entry, "from", file, where + ".from") : target;
            List<String> path = parsePath(from, connector, file, where);
            Cast cast;
            try {
                cast = Cast.parse(text(entry, "cast", file, where + ".cast"));
            } catch (IllegalArgumentException e) {
                throw new MappingException(file, where, e.getMessage());
            }
            Set<String> allowed = parseAllowed(entry.get("allowed"), cast, file, where);
            fields.add(new FieldMapping(target, from, path, cast, bool(entry, "required", file, where + ".required"), allowed));
        }
        return fields;
    }

    private static List<String> parsePath(String from, ConnectorKind connector, String file, String where) {
        List<String> path = Arrays.asList(from.split("\\.", -1));
        for (String segment : path) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new MappingException(file, where, "bad path '" + from + "': segment '" + segment
                        + "' must be a field name (letters, digits, _ $ -), segments separated by single dots");
            }
        }
        if (path.size() > 1 && !connector.nestedDocuments()) {
            throw new MappingException(file, where, "bad path '" + from + "': nested paths need a document source (mongodb); "
                    + connector.id() + " rows are flat");
        }
        return path;
    }

    private static Set<String> parseAllowed(JsonNode node, Cast cast, String file, String where) {
        if (node == null) {
            if (cast == Cast.ENUM) {
                throw new MappingException(file, where, "cast enum needs a non-empty 'allowed' list");
            }
            return Set.of();
        }
        if (cast != Cast.ENUM) {
            throw new MappingException(file, where, "'allowed' only applies to cast enum, not " + cast.id());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new MappingException(file, where, "'allowed' must be a non-empty list of strings");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new MappingException(file, where, "'allowed' value " + value + " is not a string");
            }
            allowed.add(value.textValue());
        }
        return allowed;
    }

    private static List<String> parseKey(JsonNode node, List<FieldMapping> fields, String file) {
        if (node == null || node.isNull()) {
            throw new MappingException(file, "key", "missing; list the canonical key field(s), e.g. key: [order_id]");
        }
        List<String> names = new ArrayList<>();
        if (node.isTextual()) {
            names.add(node.textValue());
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            throw new MappingException(file, "key", "must be a field name or a non-empty list of field names");
        }
        for (String name : names) {
            FieldMapping field = fields.stream().filter(f -> f.target().equals(name)).findFirst()
                    .orElseThrow(() -> new MappingException(file, "key", "key field '" + name + "' is not declared under fields"));
            if (!field.cast().usableAsKey()) {
                throw new MappingException(file, "key", "key field '" + name + "' has cast " + field.cast().id()
                        + "; a key needs string, long, int or object_id");
            }
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new MappingException(file, "key", "lists a field twice: " + names);
        }
        return names;
    }

    /** Optional: a top-level, non-nested long or string field the raw record key must consist of. */
    private static String parsePartitionKey(JsonNode root, List<FieldMapping> fields, String file) {
        if (!root.has("partition_key")) {
            return null;
        }
        String name = text(root, "partition_key", file, "partition_key");
        FieldMapping field = fields.stream().filter(f -> f.target().equals(name)).findFirst().orElseThrow(() ->
                new MappingException(file, "partition_key", "'" + name + "' is not a field of this mapping"));
        if (field.nested() || (field.cast() != Cast.LONG && field.cast() != Cast.STRING)) {
            throw new MappingException(file, "partition_key", "'" + name + "' must be a top-level long or string field, "
                    + "got cast " + field.cast().id() + (field.nested() ? " at nested path " + field.source() : ""));
        }
        return name;
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String file, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new MappingException(file, where, "unknown attribute '" + key + "' (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(JsonNode node, String key, String file, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new MappingException(file, where, "'" + key + "' is missing");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new MappingException(file, where, "'" + key + "' must be a non-empty string, got " + value);
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String key, String file, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new MappingException(file, where, "'" + key + "' must be true or false, got " + value);
        }
        return value.booleanValue();
    }
}
