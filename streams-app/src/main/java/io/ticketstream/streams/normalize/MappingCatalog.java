package io.ticketstream.streams.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.ticketstream.streams.normalize.mapping.Mapping;
import io.ticketstream.streams.normalize.mapping.MappingException;
import io.ticketstream.streams.normalize.mapping.MappingParser;

/**
 * Every mapping the application knows, by name. Loading validates all files, so a broken mapping stops
 * the application at start-up with the file, the entry and the reason ({@link MappingException}).
 */
public final class MappingCatalog {

    /** Classpath folder of the built-in mappings. */
    public static final String CLASSPATH_DIR = "mappings/";
    /**
     * Lists the built-in mapping files, one per line: a jar cannot be listed portably, so adding a mapping
     * file to the classpath folder means adding its name here too.
     */
    public static final String CLASSPATH_INDEX = CLASSPATH_DIR + "index.txt";

    private final Map<String, Mapping> mappings;

    private MappingCatalog(Map<String, Mapping> mappings) {
        this.mappings = Collections.unmodifiableMap(new TreeMap<>(mappings));
    }

    /** The mappings shipped in the jar ({@value #CLASSPATH_DIR}). */
    public static MappingCatalog loadDefault() {
        String index = readClasspath(CLASSPATH_INDEX);
        Map<String, Mapping> out = new TreeMap<>();
        for (String line : index.split("\n")) {
            String fileName = line.strip();
            if (fileName.isEmpty() || fileName.startsWith("#")) {
                continue;
            }
            String location = "classpath:" + CLASSPATH_DIR + fileName;
            add(out, MappingParser.parse(nameOf(fileName), location, readClasspath(CLASSPATH_DIR + fileName)));
        }
        return new MappingCatalog(out);
    }

    /** Every {@code *.yaml} / {@code *.yml} file in {@code dir} (not recursive). */
    public static MappingCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MappingException(dir.toString(), null, "mapping folder does not exist or is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new MappingException(dir.toString(), null, "cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MappingException(dir.toString(), null, "no *.yaml mapping files in the folder");
        }
        Map<String, Mapping> out = new TreeMap<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MappingException(file.toString(), null, "cannot read: " + e.getMessage(), e);
            }
            add(out, MappingParser.parse(nameOf(file.getFileName().toString()), file.toString(), text));
        }
        return new MappingCatalog(out);
    }

    public Set<String> names() {
        return mappings.keySet();
    }

    public Mapping get(String name) {
        Mapping mapping = mappings.get(name);
        if (mapping == null) {
            throw new NoSuchElementException("no mapping named '" + name + "' (known: " + mappings.keySet() + ")");
        }
        return mapping;
    }

    public Map<String, Mapping> all() {
        return mappings;
    }

    private static void add(Map<String, Mapping> out, Mapping mapping) {
        Mapping previous = out.putIfAbsent(mapping.name(), mapping);
        if (previous != null) {
            throw new MappingException(mapping.file(), null, "mapping name '" + mapping.name() + "' is also defined by " + previous.file());
        }
    }

    private static String nameOf(String fileName) {
        return fileName.replaceFirst("\\.ya?ml$", "");
    }

    private static String readClasspath(String resource) {
        try (InputStream in = MappingCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new MappingException("classpath:" + resource, null, "not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }
}
