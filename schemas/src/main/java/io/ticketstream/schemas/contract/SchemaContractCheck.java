package io.ticketstream.schemas.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import io.ticketstream.schemas.catalog.CanonicalEntity;
import io.ticketstream.schemas.catalog.PublishedSchema;

/**
 * The build's schema gate (run by exec-maven-plugin in {@code process-classes}, so it fails the build even
 * with -DskipTests): each current .avsc must equal its latest published version, and all published
 * versions of a schema must be mutually compatible ({@link CompatibilityRules}).
 *
 * <p>With {@code -Dticketstream.schemas.publish=true} a changed .avsc is published as the next version
 * instead of failing, provided the result is compatible.
 */
public final class SchemaContractCheck {

    public static final String PUBLISH_PROPERTY = "ticketstream.schemas.publish";

    private final Path avroDir;
    private final PublishedSchemaDirectory published;
    private final List<PublishedSchemaDirectory> mirrors;

    /**
     * @param mirrors folders that get a copy of anything published (the build's output folder, so the
     *                tests of the same build already see the new version)
     */
    public SchemaContractCheck(Path avroDir, PublishedSchemaDirectory published, List<PublishedSchemaDirectory> mirrors) {
        this.avroDir = avroDir;
        this.published = published;
        this.mirrors = mirrors;
    }

    /** Args: the .avsc folder, the published-version folder, optional mirror folders. */
    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SchemaContractCheck <avro source dir> <published dir> [mirror dir...]");
        }
        List<PublishedSchemaDirectory> mirrors = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            mirrors.add(new PublishedSchemaDirectory(Path.of(args[i])));
        }
        SchemaContractCheck check = new SchemaContractCheck(Path.of(args[0]),
                new PublishedSchemaDirectory(Path.of(args[1])), mirrors);
        List<String> problems = check.run(Boolean.getBoolean(PUBLISH_PROPERTY));
        if (!problems.isEmpty()) {
            // An exception (not System.exit) fails exec:java's build and keeps the message in the log.
            throw new IllegalStateException("Schema contract check failed:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** @return every problem found; empty when the contract holds */
    public List<String> run(boolean publish) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<CanonicalEntity, Schema> current : SourceSchemas.parse(avroDir).entrySet()) {
            CanonicalEntity entity = current.getKey();
            int problemsBefore = problems.size();
            List<Schema> versions = new ArrayList<>(published.versions(entity));
            boolean changed = versions.isEmpty() || !sameDefinition(current.getValue(), versions.get(versions.size() - 1));
            int next = versions.size() + 1;
            if (changed) {
                versions.add(current.getValue());
            }
            List<String> violations = CompatibilityRules.violations(entity.schemaName(), versions);
            problems.addAll(violations);
            if (changed && publish && violations.isEmpty()) {
                Path file = published.publish(entity, next, current.getValue());
                mirrors.forEach(mirror -> mirror.publish(entity, next, current.getValue()));
                System.out.println("[schemas] published " + entity.schemaName() + " v" + next + " -> " + file);
            } else if (changed) {
                problems.add(entity.schemaName() + ".avsc differs from "
                        + (next == 1 ? "every published version (there is none)" : "its latest published version v" + (next - 1))
                        + ": publish it as v" + next + " (" + published.fileOf(entity, next) + ", self-contained; or build once with -D"
                        + PUBLISH_PROPERTY + "=true) and commit it");
            }
            if (problems.size() == problemsBefore) {
                System.out.println("[schemas] " + entity.schemaName() + ": " + versions.size()
                        + " published version(s), mutually compatible; current = v" + versions.size() + " ("
                        + PublishedSchema.hex(PublishedSchema.fingerprintOf(current.getValue())) + ")");
            }
        }
        return problems;
    }

    /** Docs and defaults count: a default changes how old records are read, a doc is part of the contract. */
    private static boolean sameDefinition(Schema current, Schema latestPublished) {
        return current.toString().equals(latestPublished.toString());
    }
}
