package io.ticketstream.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every third-party artifact a release redistributes, once per groupId:artifactId:version, with where it is shipped
 * and its licences. Our own artifacts (groupId {@value #OWN_GROUP_ID}) are left out: they are under LICENSE.
 */
public final class ReleaseInventory {

    public static final String OWN_GROUP_ID = "io.ticketstream";

    /** The licence group of a library merged into a vendor's jar whose pom Maven never saw. */
    public static final String LICENCE_INSIDE_VENDOR_JAR = "see the licence files inside the vendor jar it is merged into";

    /** One artifact: coordinates, licences (alternatives when several), places, and the files' SHA-256. */
    public record Item(String groupId, String artifactId, String version, String name, List<String> licences,
                       SortedSet<String> shippedIn, SortedSet<String> sha256, SortedSet<String> mergedInto) {

        public String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }

        public String licenceExpression() {
            return String.join(" OR ", licences);
        }
    }

    private final List<Item> items;
    private final List<String> problems;

    private ReleaseInventory(List<Item> items, List<String> problems) {
        this.items = items;
        this.problems = problems;
    }

    public static ReleaseInventory of(List<BundledJar> jars, List<String> unidentified, LicenceTable licences) {
        List<String> problems = new ArrayList<>();
        unidentified.forEach(jar -> problems.add("no Maven metadata and no licence-table entry for " + jar
                + ": add its artifact to the release module's dependencies so its pom (and licence) is known"));
        Map<String, Item> byCoordinates = new TreeMap<>();
        for (BundledJar jar : jars) {
            if (jar.isOurs()) {
                continue;
            }
            Item item = byCoordinates.computeIfAbsent(jar.coordinates(), c -> newItem(jar, licences, problems));
            item.shippedIn().add(jar.shippedIn());
            if (!jar.sha256().isEmpty()) {
                item.sha256().add(jar.sha256());
            }
            if (jar.form() == BundledJar.Form.MERGED_INTO_VENDOR_JAR) {
                item.mergedInto().add(jar.fileName());
            }
        }
        List<Item> items = byCoordinates.values().stream()
                .sorted(Comparator.comparing(Item::licenceExpression).thenComparing(Item::coordinates)).toList();
        return new ReleaseInventory(items, List.copyOf(problems));
    }

    private static Item newItem(BundledJar jar, LicenceTable licences, List<String> problems) {
        var entry = licences.find(jar.groupId(), jar.artifactId());
        List<String> names;
        if (entry.isPresent()) {
            names = entry.get().licences();
        } else if (jar.form() == BundledJar.Form.MERGED_INTO_VENDOR_JAR) {
            names = List.of(LICENCE_INSIDE_VENDOR_JAR);
        } else {
            names = List.of("UNKNOWN");
            problems.add("no licence known for " + jar.coordinates() + " (" + jar.shippedIn() + "/" + jar.fileName()
                    + "): add its artifact to the release module's dependencies");
        }
        String name = entry.map(LicenceTable.Entry::name).orElse(jar.artifactId());
        return new Item(jar.groupId(), jar.artifactId(), jar.version(), name, names, new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>());
    }

    public List<Item> items() {
        return items;
    }

    /** What must be fixed before this inventory may be published (unknown jars or licences). */
    public List<String> problems() {
        return problems;
    }
}
