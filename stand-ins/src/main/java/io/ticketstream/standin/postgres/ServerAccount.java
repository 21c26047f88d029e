package io.ticketstream.standin.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system account the PostgreSQL server runs as, and how to run its programs as that account.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, every server program is run through
 * {@code runuser -u postgres -- ...} and the folders it writes are handed to that user; otherwise programs run
 * directly as the current user.
 */
final class ServerAccount {

    static final String DEFAULT_OS_USER = "postgres";

    private final String osUser;
    private final boolean switchUser;

    private ServerAccount(String osUser, boolean switchUser) {
        this.osUser = osUser;
        this.switchUser = switchUser;
    }

    static ServerAccount forCurrentProcess(String osUserWhenRoot) {
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        if (!root) {
            return new ServerAccount(System.getProperty("user.name"), false);
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            throw new IllegalStateException("running as root, but runuser (util-linux) is missing: PostgreSQL must run "
                    + "as an unprivileged user; install util-linux or run the build as a normal user");
        }
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUserWhenRoot);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("running as root, but the OS user '" + osUserWhenRoot + "' that PostgreSQL "
                    + "should run as does not exist; " + PostgresBinaries.INSTALL_HINT + " (it creates the user)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerAccount(osUserWhenRoot, true);
    }

    String osUser() {
        return osUser;
    }

    /** Makes {@code dir} and everything under it belong to the server account (a no-op when not root). */
    void takeOwnership(Path dir) {
        if (!switchUser) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(osUser);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(osUser);
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to OS user " + osUser, e);
        }
    }

    /** Runs a server program as the server account; returns its combined output, or fails with it. */
    String run(Path workDir, Duration timeout, String... command) {
        Result result = tryRun(workDir, timeout, command);
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + result.exitCode
                    + ":\n" + result.output);
        }
        return result.output;
    }

    /** Runs a server program as the server account and returns exit code and output, whatever they are. */
    Result tryRun(Path workDir, Duration timeout, String... command) {
        List<String> full = new ArrayList<>();
        if (switchUser) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
        // Messages in English and a locale that exists everywhere, so errors read the same on every machine.
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // pg_ctl start leaves the postmaster running with our pipe as its stdout unless -l is given (it is);
            // reading to EOF is therefore safe for every command we run.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full, e);
        }
    }

    record Result(int exitCode, String output) {
    }
}
