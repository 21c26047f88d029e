package io.ticketstream.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The manifest.json rules of Confluent's "Component Archive Specification" (Confluent Hub / Marketplace) that a
 * component archive must meet, as the specification and Confluent's kafka-connect-maven-plugin (its required
 * parameters) state them:
 * <ul>
 *   <li>required: {@code name}, {@code version}, {@code description}, {@code owner.username} and
 *       {@code component_types} (one or more of sink, source, transform, converter);</li>
 *   <li>an owner name has 2 to 255 characters, only lowercase letters, digits and underscores;</li>
 *   <li>where present: {@code owner.type} is organization or user, {@code release_date} is yyyy-MM-dd,
 *       {@code license} is a list of entries with a name, {@code features.delivery_guarantee} holds
 *       atLeastOnce / exactlyOnce;</li>
 *   <li>the archive is {@code <owner>-<name>-<version>.zip}: name, version and owner agree with the file name.</li>
 * </ul>
 */
final class ComponentManifestRules {

    static final Set<String> COMPONENT_TYPES = Set.of("sink", "source", "transform", "converter");

    private static final Pattern OWNER = Pattern.compile("[a-z0-9_]{2,255}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ComponentManifestRules() {
    }

    /** Every rule the manifest breaks, each naming the field and the value; empty when valid. */
    static List<String> violations(JsonNode manifest, String archiveBaseName) {
        List<String> problems = new ArrayList<>();
        String name = requiredText(manifest, "name", problems);
        String version = requiredText(manifest, "version", problems);
        requiredText(manifest, "description", problems);
        String owner = requiredText(manifest.path("owner"), "username", problems, "owner.username");

        if (owner != null && !OWNER.matcher(owner).matches()) {
            problems.add("owner.username '" + owner + "': 2 to 255 lowercase letters, digits or underscores");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add("name '" + name + "': lowercase letters, digits, hyphens or underscores");
        }
        if (owner != null && name != null && version != null
                && !archiveBaseName.equals(owner + "-" + name + "-" + version)) {
            problems.add("archive '" + archiveBaseName + ".zip' is not <owner>-<name>-<version>.zip = '"
                    + owner + "-" + name + "-" + version + ".zip'");
        }

        JsonNode types = manifest.path("component_types");
        if (!types.isArray() || types.isEmpty()) {
            problems.add("component_types: required, a non-empty list of " + COMPONENT_TYPES + ", got " + types);
        } else {
            types.forEach(t -> {
                if (!COMPONENT_TYPES.contains(t.asText())) {
                    problems.add("component_types: '" + t.asText() + "' is not one of " + COMPONENT_TYPES);
                }
            });
        }

        JsonNode ownerType = manifest.path("owner").path("type");
        if (!ownerType.isMissingNode() && !Set.of("organization", "user").contains(ownerType.asText())) {
            problems.add("owner.type '" + ownerType.asText() + "': organization or user");
        }
        JsonNode releaseDate = manifest.path("release_date");
        if (!releaseDate.isMissingNode() && !DATE.matcher(releaseDate.asText()).matches()) {
            problems.add("release_date '" + releaseDate.asText() + "': yyyy-MM-dd");
        }
        JsonNode licences = manifest.path("license");
        if (!licences.isMissingNode()) {
            if (!licences.isArray()) {
                problems.add("license: a list of {name, url}, got " + licences);
            } else {
                licences.forEach(l -> {
                    if (l.path("name").asText().isBlank()) {
                        problems.add("license entry without a name: " + l);
                    }
                });
            }
        }
        manifest.path("features").path("delivery_guarantee").forEach(g -> {
            if (!Set.of("atLeastOnce", "exactlyOnce").contains(g.asText())) {
                problems.add("features.delivery_guarantee '" + g.asText() + "': atLeastOnce or exactlyOnce");
            }
        });
        return problems;
    }

    private static String requiredText(JsonNode node, String field, List<String> problems) {
        return requiredText(node, field, problems, field);
    }

    private static String requiredText(JsonNode node, String field, List<String> problems, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(path + ": required, a non-empty string, got " + value);
            return null;
        }
        return value.asText();
    }
}
