package io.ticketstream.schemas.contract;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer location of an Avro incompatibility (e.g. {@code /fields/12/type/1}) into the
 * dotted field path a person recognises (e.g. {@code loyalty_points}).
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(Schema root, String pointer) {
        List<String> names = new ArrayList<>();
        String[] parts = pointer == null ? new String[0] : pointer.split("/");
        Schema current = root;
        for (int i = 0; i < parts.length && current != null; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals("type")) {
                continue;
            }
            if (part.equals("fields") && current.getType() == Schema.Type.RECORD && i + 1 < parts.length
                    && isIndex(parts[i + 1])) {
                Schema.Field field = current.getFields().get(Integer.parseInt(parts[++i]));
                names.add(field.name());
                current = field.schema();
            } else if (part.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
                names.add("[]");
            } else if (part.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
                names.add("{}");
            } else if (isIndex(part) && current.getType() == Schema.Type.UNION) {
                current = current.getTypes().get(Integer.parseInt(part));
            } else {
                break;
            }
        }
        return String.join(".", names).replace(".[]", "[]").replace(".{}", "{}");
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
    }
}
