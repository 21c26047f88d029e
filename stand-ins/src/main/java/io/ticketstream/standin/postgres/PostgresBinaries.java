package io.ticketstream.standin.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the PostgreSQL 15 server programs live. Looked up in order: an explicit folder, the system property
 * {@value #BIN_DIR_PROPERTY}, the environment variable {@value #BIN_DIR_ENV}, Debian's
 * {@value #DEBIAN_BIN_DIR}, then {@code pg_config --bindir}. Fails naming what is missing and how to install it,
 * because "initdb: not found" deep in a test log tells nobody what to do.
 */
public final class PostgresBinaries {

    public static final String BIN_DIR_PROPERTY = "ticketstream.postgres.bin";
    public static final String BIN_DIR_ENV = "TICKETSTREAM_POSTGRES_BIN";
    public static final String DEBIAN_BIN_DIR = "/usr/lib/postgresql/15/bin";
    static final String INSTALL_HINT = "install postgresql-15: apt-get install postgresql-15";

    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres", "pg_isready");

    private final Path binDir;

    private PostgresBinaries(Path binDir) {
        this.binDir = binDir;
    }

    /** The binaries found by the documented lookup order; fails with an install hint when none qualify. */
    public static PostgresBinaries locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(BIN_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return in(Path.of(property));
        }
        String env = System.getenv(BIN_DIR_ENV);
        if (env != null && !env.isBlank()) {
            return in(Path.of(env));
        }
        candidates.add(Path.of(DEBIAN_BIN_DIR));
        Path fromPgConfig = pgConfigBinDir();
        if (fromPgConfig != null) {
            candidates.add(fromPgConfig);
        }
        for (Path candidate : candidates) {
            if (missingPrograms(candidate).isEmpty()) {
                return new PostgresBinaries(candidate);
            }
        }
        throw new IllegalStateException("PostgreSQL 15 server binaries " + PROGRAMS + " not found in " + candidates
                + " (set -D" + BIN_DIR_PROPERTY + "=<dir> or " + BIN_DIR_ENV + " to use another folder); "
                + INSTALL_HINT);
    }

    /** The binaries in {@code binDir}; fails naming the programs that are not there. */
    public static PostgresBinaries in(Path binDir) {
        List<String> missing = missingPrograms(binDir);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PostgreSQL server binaries " + missing + " missing in " + binDir + "; "
                    + INSTALL_HINT);
        }
        return new PostgresBinaries(binDir);
    }

    public Path binDir() {
        return binDir;
    }

    public String program(String name) {
        return binDir.resolve(name).toString();
    }

    private static List<String> missingPrograms(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String program : PROGRAMS) {
            if (!Files.isExecutable(dir.resolve(program))) {
                missing.add(program);
            }
        }
        return missing;
    }

    private static Path pgConfigBinDir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // pg_config is not installed: the caller reports the folders it did try
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
