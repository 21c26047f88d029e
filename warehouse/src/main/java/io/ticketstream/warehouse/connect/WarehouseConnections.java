package io.ticketstream.warehouse.connect;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.ticketstream.warehouse.env.WarehouseEnvironment;

/**
 * Opens a JDBC connection to an environment's warehouse. PostgreSQL: the driver on the classpath, user and
 * password. Snowflake: key-pair authentication (the private key as a {@link java.security.PrivateKey} in the
 * driver's {@code privateKey} property), with Snowflake's JDBC driver loaded from a jar at run time: the Snowflake
 * Kafka connector already ships it (its plugin folder from connect-plugins), so the operations CLI does not carry
 * another 80 MB copy. The jar is, in order: {@code --snowflake-driver}, the {@value #DRIVER_JAR_VARIABLE}
 * environment variable, the connector jar under {@code connect-plugins/target/plugins/snowflake-kafka-connector},
 * or a {@code net.snowflake:snowflake-jdbc} jar already on the classpath.
 */
public final class WarehouseConnections {

    public static final String DRIVER_JAR_VARIABLE = "SNOWFLAKE_JDBC_DRIVER_JAR";
    static final String SNOWFLAKE_DRIVER = "net.snowflake.client.jdbc.SnowflakeDriver";
    static final Path CONNECTOR_PLUGIN_DIR = Path.of("connect-plugins", "target", "plugins", "snowflake-kafka-connector");

    private final Optional<Path> snowflakeDriverJar;

    public WarehouseConnections(Optional<Path> snowflakeDriverJar) {
        this.snowflakeDriverJar = snowflakeDriverJar;
    }

    public Connection open(WarehouseEnvironment environment) throws SQLException {
        return switch (environment.dialect()) {
            case POSTGRESQL -> DriverManager.getConnection(environment.url(), environment.user(),
                    environment.password().map(WarehouseEnvironment.Secret::value).orElse(null));
            case SNOWFLAKE -> openSnowflake(environment);
        };
    }

    private Connection openSnowflake(WarehouseEnvironment environment) throws SQLException {
        WarehouseEnvironment.Secret key = environment.privateKey().orElseThrow(() -> new IllegalArgumentException(
                environment.name() + ": Snowflake needs \"privateKey\" (key-pair authentication)"));
        Properties properties = new Properties();
        properties.put("user", environment.user());
        properties.put("privateKey", PrivateKeys.parse(key.value(),
                environment.privateKeyPassphrase().map(WarehouseEnvironment.Secret::value)));
        // a login that cannot succeed gives up after a minute instead of the driver's default five
        properties.put("loginTimeout", "60");
        Driver driver = snowflakeDriver();
        Connection connection = driver.connect(environment.url(), properties);
        if (connection == null) {
            throw new IllegalArgumentException(environment.name() + ": '" + environment.url() + "' is not a jdbc:snowflake: URL");
        }
        return connection;
    }

    Driver snowflakeDriver() {
        ClassLoader loader = WarehouseConnections.class.getClassLoader();
        Optional<Path> jar = snowflakeDriverJar.or(() -> Optional.ofNullable(System.getenv(DRIVER_JAR_VARIABLE)).map(Path::of))
                .or(WarehouseConnections::connectorJar);
        try {
            if (jar.isPresent()) {
                if (!Files.isRegularFile(jar.get())) {
                    throw new IllegalArgumentException("Snowflake JDBC driver jar " + jar.get() + " does not exist");
                }
                // Isolated like a Connect plugin: the connector jar carries its own copies of common libraries.
                loader = new URLClassLoader(new URL[] {jar.get().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            }
            return (Driver) Class.forName(SNOWFLAKE_DRIVER, true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no Snowflake JDBC driver: build connect-plugins (its Snowflake connector "
                    + "jar has one), or point --snowflake-driver or " + DRIVER_JAR_VARIABLE + " at a snowflake-jdbc jar");
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot load the Snowflake JDBC driver from " + jar.orElse(null) + ": " + e, e);
        }
    }

    private static Optional<Path> connectorJar() {
        if (!Files.isDirectory(CONNECTOR_PLUGIN_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(CONNECTOR_PLUGIN_DIR)) {
            return files.filter(p -> p.getFileName().toString().startsWith("snowflake-kafka-connector-")
                    && p.getFileName().toString().endsWith(".jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
