package io.ticketstream.schemas.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.ticketstream.schemas.catalog.CanonicalEntity;

/**
 * Parses the current contract, {@code src/main/avro/<SchemaName>.avsc}, with the shared named types of
 * {@value #SHARED_TYPES} imported first, the same way avro-maven-plugin does for the generated classes.
 */
public final class SourceSchemas {

    /** The file of named types shared by several schemas (the enums); configured as an import in the pom. */
    public static final String SHARED_TYPES = "Enums.avsc";

    private SourceSchemas() {
    }

    /** Every entity's current schema. */
    public static Map<CanonicalEntity, Schema> parse(Path avroDir) {
        Map<CanonicalEntity, Schema> schemas = new EnumMap<>(CanonicalEntity.class);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            schemas.put(entity, parse(avroDir, entity));
        }
        return schemas;
    }

    /** One entity's current schema, parsed on its own so its named types are self-contained. */
    public static Schema parse(Path avroDir, CanonicalEntity entity) {
        Path file = avroDir.resolve(entity.schemaName() + ".avsc");
        Schema.Parser parser = new Schema.Parser();
        try {
            Path shared = avroDir.resolve(SHARED_TYPES);
            if (Files.exists(shared)) {
                parser.parse(shared.toFile());
            }
            Schema schema = parser.parse(file.toFile());
            if (!entity.fullName().equals(schema.getFullName())) {
                throw new IllegalStateException(file + " defines " + schema.getFullName() + ", expected "
                        + entity.fullName());
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SchemaParseException e) {
            throw new IllegalStateException(file + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }
}
