package io.ticketstream.schemas.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.ticketstream.schemas.catalog.CanonicalEntity;

/**
 * The published-version store on disk: {@code <root>/<SchemaName>/v<N>.avsc}, each file a self-contained
 * schema (named types inlined), never edited after it is published. The same layout is read from the
 * classpath by {@link io.ticketstream.schemas.catalog.SchemaCatalog}.
 */
public final class PublishedSchemaDirectory {

    private final Path root;

    public PublishedSchemaDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path fileOf(CanonicalEntity entity, int version) {
        return root.resolve(entity.schemaName()).resolve("v" + version + ".avsc");
    }

    /** The published versions of an entity, v1 first, up to the first missing number. */
    public List<Schema> versions(CanonicalEntity entity) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; Files.exists(fileOf(entity, version)); version++) {
            Path file = fileOf(entity, version);
            try {
                versions.add(new Schema.Parser().parse(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (SchemaParseException e) {
                throw new IllegalStateException(file + " is not a valid self-contained Avro schema: " + e.getMessage(), e);
            }
        }
        return versions;
    }

    /** Writes a new version; refuses to overwrite a published one. */
    public Path publish(CanonicalEntity entity, int version, Schema schema) {
        Path file = fileOf(entity, version);
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " is already published; published versions are never rewritten");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
