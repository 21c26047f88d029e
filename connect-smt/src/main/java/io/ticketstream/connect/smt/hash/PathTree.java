package io.ticketstream.connect.smt.hash;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;

import io.ticketstream.connect.smt.util.FieldPath;

/** The configured paths as a tree, so nested structs are rebuilt once per level, not once per path. */
final class PathTree {

    private final Map<String, PathTree> children = new LinkedHashMap<>();
    private boolean leaf;

    void add(FieldPath path, String entry) {
        PathTree node = this;
        String[] parts = path.path().split("\\.");
        for (String part : parts) {
            if (node.leaf) {
                throw new ConfigException(HashField.ConfigName.FIELDS, entry, "a parent of this field is hashed already");
            }
            node = node.children.computeIfAbsent(part, k -> new PathTree());
        }
        if (!node.children.isEmpty() || node.leaf) {
            throw new ConfigException(HashField.ConfigName.FIELDS, entry, "listed twice, or together with a nested field of it");
        }
        node.leaf = true;
    }

    boolean isLeaf() {
        return leaf;
    }

    PathTree child(String name) {
        return children.get(name);
    }

    Set<String> names() {
        return children.keySet();
    }
}
