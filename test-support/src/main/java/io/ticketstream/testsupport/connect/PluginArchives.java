package io.ticketstream.testsupport.connect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks Connect plugin archives (.zip, .tar.gz, .tgz) into a plugin.path folder, as a user installing them
 * would: an archive whose entries all sit under one top-level folder becomes that folder; an archive of loose
 * files becomes a folder named after the archive. Uses Apache Commons Compress, since the JDK has no tar reader.
 */
public final class PluginArchives {

    private PluginArchives() {
    }

    /**
     * Unpacks {@code archive} into {@code pluginPath} and returns the plugin's folder.
     *
     * @throws IllegalArgumentException when the archive type is unknown or an entry would escape the folder
     */
    public static Path unpack(Path archive, Path pluginPath) {
        String name = archive.getFileName().toString();
        try {
            Files.createDirectories(pluginPath);
            Set<String> topLevel = topLevelNames(archive);
            boolean singleFolder = topLevel.size() == 1 && hasNestedEntries(archive);
            Path target = singleFolder ? pluginPath : pluginPath.resolve(baseName(name));
            try (ArchiveInputStream<?> in = open(archive)) {
                ArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IllegalArgumentException("archive " + archive + " has entry '" + entry.getName()
                                + "' that points outside the plugin folder");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return singleFolder ? pluginPath.resolve(topLevel.iterator().next()) : target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack plugin archive " + archive, e);
        }
    }

    /** Unpacks every archive into {@code pluginPath}; returns {@code pluginPath} for use as the worker's plugin.path. */
    public static Path unpackAll(Path pluginPath, Path... archives) {
        for (Path archive : archives) {
            unpack(archive, pluginPath);
        }
        return pluginPath;
    }

    private static Set<String> topLevelNames(Path archive) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (ArchiveInputStream<?> in = open(archive)) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String entryName = stripDotSlash(entry.getName());
                int slash = entryName.indexOf('/');
                names.add(slash < 0 ? entryName : entryName.substring(0, slash));
            }
        }
        return names;
    }

    private static boolean hasNestedEntries(Path archive) throws IOException {
        try (ArchiveInputStream<?> in = open(archive)) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String entryName = stripDotSlash(entry.getName());
                int slash = entryName.indexOf('/');
                if (slash >= 0 && slash < entryName.length() - 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stripDotSlash(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static ArchiveInputStream<?> open(Path archive) throws IOException {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        if (name.endsWith(".zip") || name.endsWith(".jar")) {
            return new ZipArchiveInputStream(raw);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return new TarArchiveInputStream(new GzipCompressorInputStream(raw));
        }
        raw.close();
        throw new IllegalArgumentException("plugin archive " + archive + " is neither .zip nor .tar.gz/.tgz");
    }

    private static String baseName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".tar.gz", ".tgz", ".zip", ".jar"}) {
            if (lower.endsWith(suffix)) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return fileName;
    }
}
