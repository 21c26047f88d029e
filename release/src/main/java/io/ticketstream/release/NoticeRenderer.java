package io.ticketstream.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NOTICE file: our header, then every redistributed third-party artifact grouped by licence. */
public final class NoticeRenderer {

    private NoticeRenderer() {
    }

    public static String render(String header, ReleaseInventory inventory) {
        StringBuilder out = new StringBuilder(header.stripTrailing()).append("\n\n");
        Map<String, List<ReleaseInventory.Item>> byLicence = new LinkedHashMap<>();
        for (ReleaseInventory.Item item : inventory.items()) {
            byLicence.computeIfAbsent(item.licenceExpression(), l -> new java.util.ArrayList<>()).add(item);
        }
        byLicence.forEach((licence, items) -> {
            out.append("== ").append(licence).append(" (").append(items.size()).append(") ==\n");
            for (ReleaseInventory.Item item : items) {
                out.append(item.coordinates());
                if (!item.name().equals(item.artifactId())) {
                    out.append("  (").append(item.name()).append(')');
                }
                out.append("\n    in: ").append(String.join(", ", item.shippedIn()));
                if (!item.mergedInto().isEmpty()) {
                    out.append("; merged into ").append(String.join(", ", item.mergedInto()));
                }
                out.append('\n');
            }
            out.append('\n');
        });
        return out.toString().stripTrailing() + "\n";
    }
}
