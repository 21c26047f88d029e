package io.ticketstream.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lists the jars a release redistributes, from the archives themselves: the lib/ jars of our component archives,
 * every jar of every plugin folder, and the libraries merged into our runnable jars. A jar is named by the Maven
 * metadata inside it ({@code META-INF/maven/<g>/<a>/pom.properties}) or, when it has none (Gradle builds), by its file
 * name matched against the licence table.
 */
public final class ArchiveScanner {

    /** Inside each runnable jar: dependency:list of what it merges in (parent pom, runnable-jar-contents). */
    public static final String RUNNABLE_JAR_CONTENTS = "META-INF/ticketstream/runnable-jar-contents.txt";

    private static final String OWN_GROUP_ID = ReleaseInventory.OWN_GROUP_ID;

    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    private final LicenceTable licences;
    private final List<BundledJar> found = new ArrayList<>();
    private final List<String> unidentified = new ArrayList<>();

    public ArchiveScanner(LicenceTable licences) {
        this.licences = licences;
    }

    public List<BundledJar> found() {
        return List.copyOf(found);
    }

    /** Jars no metadata and no licence-table entry could name: each one is an error for the caller. */
    public List<String> unidentified() {
        return List.copyOf(unidentified);
    }

    /** A component archive {@code <owner>-<name>-<version>.zip}: the jars of its lib/ folder, shipped in {@code name}. */
    public void scanComponentArchive(Path zip, String pluginName) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.matches("[^/]+/lib/[^/]+\\.jar")) {
                    addJar(pluginName, name.substring(name.lastIndexOf('/') + 1), in.readAllBytes());
                }
            }
        }
    }

    /** Every jar under each plugin folder of a plugin.path folder, but the folders named in {@code excluded}. */
    public void scanPluginFolders(Path pluginPath, Set<String> excluded) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(pluginPath)) {
            folders = list.filter(Files::isDirectory).filter(f -> !excluded.contains(f.getFileName().toString()))
                    .sorted().toList();
        }
        for (Path folder : folders) {
            List<Path> jars;
            try (Stream<Path> walk = Files.walk(folder)) {
                jars = walk.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                addJar(folder.getFileName().toString(), jar.getFileName().toString(), Files.readAllBytes(jar));
            }
        }
    }

    /**
     * The libraries merged into one of our runnable (shaded) jars: the module's runtime dependencies as Maven resolved
     * them, listed inside the jar by the build ({@value #RUNNABLE_JAR_CONTENTS}; some libraries, rocksdbjni for one,
     * carry no Maven metadata that would show them inside the merged jar). Every library whose metadata the jar does
     * carry must be on that list, else the list is not the jar's.
     */
    public void scanRunnableJar(Path jar, String label) throws IOException {
        byte[] content = Files.readAllBytes(jar);
        String contentsList = entry(content, RUNNABLE_JAR_CONTENTS);
        if (contentsList == null) {
            unidentified.add(label + ": " + jar.getFileName() + " has no " + RUNNABLE_JAR_CONTENTS);
            return;
        }
        List<String[]> listed = dependencyList(contentsList);
        for (String[] inside : mavenCoordinates(content)) {
            boolean onList = inside[0].equals(OWN_GROUP_ID) || listed.stream().anyMatch(l -> Arrays.equals(l, inside));
            if (!onList) {
                unidentified.add(label + ": " + String.join(":", inside) + " is inside " + jar.getFileName()
                        + " but not on its " + RUNNABLE_JAR_CONTENTS);
            }
        }
        for (String[] gav : listed) {
            found.add(new BundledJar(label, gav[0], gav[1], gav[2], label, "", BundledJar.Form.MERGED_INTO_OUR_JAR));
        }
    }

    /** {groupId, artifactId, version} of each "   g:a:type[:classifier]:version" line (dependency:list, no scope). */
    static List<String[]> dependencyList(String text) {
        List<String[]> gavs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("   ") || line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+")[0].split(":");
            if (parts.length < 4) {
                throw new IllegalArgumentException(RUNNABLE_JAR_CONTENTS + ": not a dependency:list line: " + line);
            }
            gavs.add(new String[] {parts[0], parts[1], parts[parts.length - 1]});
        }
        return gavs;
    }

    private void addJar(String shippedIn, String fileName, byte[] content) throws IOException {
        List<String[]> inside = mavenCoordinates(content);
        String[] own = inside.stream()
                .filter(ga -> fileName.startsWith(ga[1] + "-" + ga[2]))
                .findFirst()
                .orElseGet(() -> byFileName(fileName));
        if (own == null) {
            unidentified.add(shippedIn + "/" + fileName);
            return;
        }
        found.add(new BundledJar(shippedIn, own[0], own[1], own[2], fileName, sha256(content),
                BundledJar.Form.JAR_FILE));
        // a vendor's shaded jar: what it merged in is shipped too (its licence texts travel inside that jar)
        for (String[] ga : inside) {
            if (ga != own && !(ga[0].equals(own[0]) && ga[1].equals(own[1]))) {
                found.add(new BundledJar(shippedIn, ga[0], ga[1], ga[2], fileName, "",
                        BundledJar.Form.MERGED_INTO_VENDOR_JAR));
            }
        }
    }

    private String[] byFileName(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".jar".length());
        return licences.findByFileName(fileName)
                .map(e -> new String[] {e.groupId(), e.artifactId(), base.substring(e.artifactId().length() + 1)})
                .orElse(null);
    }

    /** The text of one entry of a jar, or null. */
    private static String entry(byte[] jar, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** {groupId, artifactId, version} of every pom.properties inside a jar, in entry order. */
    private static List<String[]> mavenCoordinates(byte[] jar) throws IOException {
        List<String[]> coordinates = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Matcher m = POM_PROPERTIES.matcher(entry.getName());
                if (m.matches()) {
                    Properties properties = load(in);
                    String version = properties.getProperty("version");
                    if (version != null) {
                        coordinates.add(new String[] {m.group(1), m.group(2), version});
                    }
                }
            }
        }
        return coordinates;
    }

    private static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(in.readAllBytes()));
        return properties;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
