package io.ticketstream.schemas.contract;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The project's compatibility rule: FULL_TRANSITIVE. Every published version must read records written
 * with every earlier version (backward: consumers upgrade first or last, it does not matter) and every
 * earlier version must read records written with it (forward: an old sink keeps working after a producer
 * upgrades). Checked with Avro's own {@link SchemaCompatibility}.
 */
public final class CompatibilityRules {

    private CompatibilityRules() {
    }

    /**
     * @param name     the schema's name, for messages
     * @param versions v1 first
     * @return one line per incompatibility, naming the schema, the versions, the field and Avro's reason;
     *         empty when the versions are mutually compatible
     */
    public static List<String> violations(String name, List<Schema> versions) {
        List<String> violations = new ArrayList<>();
        for (int newer = 1; newer < versions.size(); newer++) {
            for (int older = 0; older < newer; older++) {
                check(violations, name, newer + 1, older + 1, versions.get(newer), versions.get(older),
                        "backward", "v" + (newer + 1) + " cannot read records written with v" + (older + 1));
                check(violations, name, older + 1, newer + 1, versions.get(older), versions.get(newer),
                        "forward", "v" + (older + 1) + " cannot read records written with v" + (newer + 1));
            }
        }
        return violations;
    }

    private static void check(List<String> violations, String name, int readerVersion, int writerVersion,
            Schema reader, Schema writer, String direction, String meaning) {
        SchemaCompatibility.SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        int newer = Math.max(readerVersion, writerVersion);
        int older = Math.min(readerVersion, writerVersion);
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            String field = FieldPaths.of(reader, incompatibility.getLocation());
            violations.add(name + " v" + newer + " is not " + direction + " compatible with v" + older + " (" + meaning
                    + "): field '" + (field.isEmpty() ? "<record>" : field) + "': "
                    + incompatibility.getType() + " (" + incompatibility.getMessage() + ") at "
                    + incompatibility.getLocation());
        }
    }
}
