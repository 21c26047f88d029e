package io.ticketstream.schemas.serde;

import java.util.HashSet;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Tells Avro that our generated classes may be instantiated when it decodes. Since Avro 1.12.2 (the fix for
 * arbitrary class instantiation from a schema), SpecificData loads only classes its {@link ClassSecurityValidator}
 * trusts, and by default that is a few java.* types: without this, every canonical record fails to decode with
 * "Forbidden io.ticketstream.schemas.Customer! This class is not trusted".
 *
 * <p>Trusted are exactly the named types (records, enums, fixed) of the entity schemas we decode, walked from the
 * schema, never a whole package or a name taken from a payload.
 */
final class TrustedGeneratedClasses {

    private static final Set<String> TRUSTED = new HashSet<>();

    private TrustedGeneratedClasses() {
    }

    static synchronized void trust(Schema entitySchema) {
        Set<String> names = new HashSet<>();
        collectNamedTypes(entitySchema, names);
        names.removeAll(TRUSTED);
        if (names.isEmpty()) {
            return;
        }
        ClassSecurityValidator.Builder ours = ClassSecurityValidator.builder();
        names.forEach(ours::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours.build()));
        TRUSTED.addAll(names);
    }

    private static void collectNamedTypes(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collectNamedTypes(f.schema(), names));
                }
            }
            case ENUM, FIXED -> names.add(schema.getFullName());
            case ARRAY -> collectNamedTypes(schema.getElementType(), names);
            case MAP -> collectNamedTypes(schema.getValueType(), names);
            case UNION -> schema.getTypes().forEach(t -> collectNamedTypes(t, names));
            default -> {
                // primitives: nothing to instantiate
            }
        }
    }
}
