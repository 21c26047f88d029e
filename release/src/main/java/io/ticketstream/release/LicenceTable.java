package io.ticketstream.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licences Maven knows for every artifact of the release's dependency graph, as license-maven-plugin reports
 * them (src/license/licences.tsv.ftl: {@code g:a:v <TAB> licence|licence <TAB> name}). Looked up by groupId and
 * artifactId: a vendor's archive may bundle another version than the one Maven mediates here, and a patch release
 * does not change a library's licence.
 */
public final class LicenceTable {

    /** One artifact of the table: its licences as its pom names them (several are alternatives). */
    public record Entry(String groupId, String artifactId, String version, List<String> licences, String name) {
    }

    private final Map<String, Entry> byGroupAndArtifact = new LinkedHashMap<>();

    private LicenceTable() {
    }

    public static LicenceTable read(Path tsv) throws IOException {
        LicenceTable table = new LicenceTable();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            String[] gav = columns[0].trim().split(":");
            if (columns.length < 3 || gav.length != 3) {
                throw new IllegalArgumentException(tsv + ": not 'g:a:v<TAB>licences<TAB>name': " + line);
            }
            Entry entry = new Entry(gav[0], gav[1], gav[2], List.of(columns[1].split("\\|")), columns[2].trim());
            table.byGroupAndArtifact.put(gav[0] + ":" + gav[1], entry);
        }
        return table;
    }

    public Optional<Entry> find(String groupId, String artifactId) {
        return Optional.ofNullable(byGroupAndArtifact.get(groupId + ":" + artifactId));
    }

    /**
     * The artifact a jar file name {@code <artifactId>-<version>.jar} belongs to, for jars without Maven metadata
     * inside (Gradle builds): the longest artifactId of the table that the name starts with, followed by a version.
     */
    public Optional<Entry> findByFileName(String fileName) {
        List<Entry> candidates = new ArrayList<>();
        for (Entry entry : byGroupAndArtifact.values()) {
            String prefix = entry.artifactId() + "-";
            if (fileName.startsWith(prefix) && fileName.length() > prefix.length()
                    && Character.isDigit(fileName.charAt(prefix.length()))) {
                candidates.add(entry);
            }
        }
        return candidates.stream().max(Comparator.comparingInt(e -> e.artifactId().length()));
    }
}
