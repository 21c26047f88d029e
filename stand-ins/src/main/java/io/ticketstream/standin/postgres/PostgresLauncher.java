package io.ticketstream.standin.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL 15 server with logical decoding enabled, started by our own code for a test or the local
 * stack: {@code initdb}, then {@code pg_ctl start} with {@code wal_level=logical}, listening on 127.0.0.1 and a
 * private Unix socket folder, ready when {@code pg_isready} says so.
 *
 * <pre>{@code
 * try (PostgresLauncher pg = PostgresLauncher.builder().start()) {
 *     pg.createUser("debezium", password, true);
 *     pg.createDatabase("ticketing", "debezium");
 *     pg.execute("ticketing", "CREATE SCHEMA catalog");
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#dataDir(Path)} the cluster lives in a temporary folder removed by {@link #close()};
 * with it, the folder is initialised once and kept between runs (the local stack's case). The superuser
 * {@value #SUPERUSER} gets a random password, stored mode 0600 inside the data folder (never logged), and the
 * launcher connects with it over TCP. As root, every server program runs through {@code runuser -u postgres}
 * (PostgreSQL refuses to run as root). A shutdown hook stops the server if the JVM exits first.
 */
public final class PostgresLauncher implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String HOST = "127.0.0.1";

    static final String PASSWORD_FILE = "ticketstream-superuser.password";
    static final String LOG_FILE = "ticketstream-server.log";

    private static final Logger log = LoggerFactory.getLogger(PostgresLauncher.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final PostgresBinaries binaries;
    private final ServerAccount account;
    private final Path baseDir;
    private final boolean temporaryData;
    private final Path dataDir;
    private final Path socketDir;
    private final int port;
    private final Map<String, String> settings;
    private final Duration startupTimeout;
    private final Thread shutdownHook;
    private String superuserPassword;
    private long logOffsetAtStart;
    private boolean running;

    private PostgresLauncher(Builder builder) throws IOException {
        this.binaries = builder.binaries != null ? builder.binaries : PostgresBinaries.locate();
        this.account = ServerAccount.forCurrentProcess(builder.osUser);
        this.temporaryData = builder.dataDir == null;
        // The socket folder path must stay short (Unix sockets allow ~107 bytes) and private: always a fresh one in /tmp.
        this.socketDir = Files.createTempDirectory(Path.of("/tmp"), "tspg-sock-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (temporaryData) {
            this.baseDir = Files.createTempDirectory("ticketstream-postgres-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            this.dataDir = baseDir.resolve("data");
        } else {
            this.dataDir = builder.dataDir.toAbsolutePath();
            this.baseDir = dataDir.getParent();
            Files.createDirectories(baseDir);
        }
        this.port = builder.port > 0 ? builder.port : freePort();
        this.settings = new LinkedHashMap<>();
        settings.put("wal_level", "logical");
        settings.put("max_wal_senders", String.valueOf(builder.maxWalSenders));
        settings.put("max_replication_slots", String.valueOf(builder.maxReplicationSlots));
        settings.putAll(builder.extraSettings);
        this.startupTimeout = builder.startupTimeout;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-launcher-shutdown-" + port);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a temporary server with the defaults. */
    public static PostgresLauncher startTemporary() {
        return builder().start();
    }

    private void start() {
        if (!initialised()) {
            initialise();
        }
        superuserPassword = readPassword();
        account.takeOwnership(socketDir);
        StringBuilder options = new StringBuilder()
                .append("-p ").append(port)
                .append(" -k '").append(socketDir).append('\'')
                .append(" -c listen_addresses=").append(HOST);
        settings.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
        log.info("Starting PostgreSQL ({}) on {}:{} with data folder {}", binaries.binDir(), HOST, port, dataDir);
        logOffsetAtStart = logSize();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        running = true;
        // -W: do not let pg_ctl wait; readiness is decided below by polling pg_isready against our own deadline.
        account.run(socketDir, COMMAND_TIMEOUT, binaries.program("pg_ctl"), "-D", dataDir.toString(),
                "-l", dataDir.resolve(LOG_FILE).toString(), "-o", options.toString(), "-W", "start");
        awaitReady();
        log.info("PostgreSQL ready on {}:{}", HOST, port);
    }

    private boolean initialised() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    private void initialise() {
        try {
            Files.createDirectories(dataDir);
            // the private socket folder is the one place the server account can surely read
            Path passwordFile = socketDir.resolve("init.password");
            String password = randomPassword();
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            account.takeOwnership(temporaryData ? baseDir : dataDir);
            account.takeOwnership(socketDir);
            if (account.tryRun(socketDir, COMMAND_TIMEOUT, "test", "-w", dataDir.toString()).exitCode() != 0) {
                throw new IllegalStateException("OS user " + account.osUser() + " cannot write " + dataDir
                        + ": every parent folder must be traversable by it (chmod o+x), or choose another folder");
            }
            try {
                log.info("Initialising a PostgreSQL cluster in {}", dataDir);
                account.run(socketDir, COMMAND_TIMEOUT, binaries.program("initdb"), "-D", dataDir.toString(),
                        "-U", SUPERUSER, "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C",
                        // the socket folder is private (0700), so trust there only lets this account in;
                        // TCP clients (Debezium, JDBC) must present a password
                        "--auth-local=trust", "--auth-host=scram-sha-256");
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            Path stored = dataDir.resolve(PASSWORD_FILE);
            Files.writeString(stored, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-------"));
            account.takeOwnership(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise a PostgreSQL cluster in " + dataDir, e);
        }
    }

    private String readPassword() {
        Path stored = dataDir.resolve(PASSWORD_FILE);
        try {
            return Files.readString(stored, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(dataDir + " holds a PostgreSQL cluster not created by this launcher (no "
                    + PASSWORD_FILE + "); point the launcher at an empty or launcher-made folder", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        while (true) {
            // Ask through our private socket folder, not 127.0.0.1:port: another server already on that port would
            // answer there. The postmaster opens its Unix socket only after it has bound the TCP port.
            ServerAccount.Result ready = account.tryRun(socketDir, COMMAND_TIMEOUT, binaries.program("pg_isready"),
                    "-h", socketDir.toString(), "-p", String.valueOf(port), "-d", "postgres", "-U", SUPERUSER, "-q");
            if (ready.exitCode() == 0) {
                return;
            }
            ServerAccount.Result status = account.tryRun(socketDir, COMMAND_TIMEOUT, binaries.program("pg_ctl"),
                    "-D", dataDir.toString(), "status");
            // pg_ctl status 3 = no server running: either not up yet (no postmaster.pid so far) or dead, which
            // the postmaster always explains with a FATAL or PANIC line in this run's part of the log
            if (status.exitCode() == 3 && logSinceStart().matches("(?s).*\\b(FATAL|PANIC):.*")) {
                running = false;
                throw new IllegalStateException("PostgreSQL exited during startup; server log "
                        + dataDir.resolve(LOG_FILE) + ":\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL not ready on " + HOST + ":" + port + " after "
                        + startupTimeout + "; server log:\n" + logTail());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis()); // poll interval of a wait-for-condition loop, not a fixed wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(dataDir.resolve(LOG_FILE)) ? Files.size(dataDir.resolve(LOG_FILE)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the server logged in this run (a persistent data folder keeps the log of earlier runs). */
    private String logSinceStart() {
        try (var file = new java.io.RandomAccessFile(dataDir.resolve(LOG_FILE).toFile(), "r")) {
            long length = file.length();
            if (length <= logOffsetAtStart) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - logOffsetAtStart, 1 << 20)];
            file.seek(logOffsetAtStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail() {
        try {
            var lines = Files.readAllLines(dataDir.resolve(LOG_FILE), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path socketDir() {
        return socketDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** A new JDBC connection to {@code database} as the superuser; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    /** A new JDBC connection to {@code database} as {@code user}; the caller closes it. */
    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates a login role; with {@code replication} it may open replication connections (Debezium's need). */
    public PostgresLauncher createUser(String name, String password, boolean replication) {
        String attributes = replication ? "LOGIN REPLICATION" : "LOGIN";
        execute("postgres", "CREATE ROLE " + identifier(name) + " WITH " + attributes
                + " PASSWORD " + literal(Objects.requireNonNull(password, "password")));
        return this;
    }

    /** Creates a database owned by {@code owner} (or by the superuser when null). */
    public PostgresLauncher createDatabase(String name, String owner) {
        execute("postgres", "CREATE DATABASE " + identifier(name)
                + (owner == null ? "" : " OWNER " + identifier(owner)));
        return this;
    }

    /** Whether {@code database} exists (for a persistent data folder that may already hold it). */
    public boolean databaseExists(String name) {
        try (Connection connection = connect("postgres");
             var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up database " + name, e);
        }
    }

    /** Runs each statement in {@code database} as the superuser, autocommit, in order. */
    public PostgresLauncher execute(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            // Statements may carry passwords (CREATE ROLE): name the database and the error, not the SQL.
            throw new IllegalStateException("SQL failed in database " + database + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Stops the server (fast shutdown: open sessions are cut, committed data is safe); idempotent. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        log.info("Stopping PostgreSQL on {}:{}", HOST, port);
        account.run(socketDir, COMMAND_TIMEOUT, binaries.program("pg_ctl"), "-D", dataDir.toString(),
                "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running or has run
            }
            deleteRecursively(socketDir);
            if (temporaryData) {
                deleteRecursively(baseDir);
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Could not stop PostgreSQL on port {} at JVM exit", port, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}", dir, e);
        }
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain lower-case SQL identifier");
        }
        return '"' + name + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Options of a launcher; {@link #start()} initialises (if needed) and starts the server. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private PostgresBinaries binaries;
        private String osUser = ServerAccount.DEFAULT_OS_USER;
        private int maxWalSenders = 10;
        private int maxReplicationSlots = 10;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraSettings = new LinkedHashMap<>();

        private Builder() {
        }

        /** A persistent data folder, initialised on first use and kept by {@link PostgresLauncher#close()}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A fixed TCP port; default: a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder binaries(PostgresBinaries binaries) {
            this.binaries = binaries;
            return this;
        }

        /** The OS account the server runs as when this JVM is root; default {@code postgres}. */
        public Builder osUser(String osUser) {
            this.osUser = osUser;
            return this;
        }

        public Builder maxWalSenders(int maxWalSenders) {
            this.maxWalSenders = maxWalSenders;
            return this;
        }

        public Builder maxReplicationSlots(int maxReplicationSlots) {
            this.maxReplicationSlots = maxReplicationSlots;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** Any other server setting, passed as {@code -c name=value}. */
        public Builder setting(String name, String value) {
            extraSettings.put(name, value);
            return this;
        }

        public PostgresLauncher start() {
            PostgresLauncher launcher;
            try {
                launcher = new PostgresLauncher(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the PostgreSQL folders", e);
            }
            try {
                launcher.start();
                return launcher;
            } catch (RuntimeException e) {
                launcher.close();
                throw e;
            }
        }
    }
}
