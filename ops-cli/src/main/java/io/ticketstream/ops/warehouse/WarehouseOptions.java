package io.ticketstream.ops.warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import io.ticketstream.warehouse.connect.WarehouseConnections;
import io.ticketstream.warehouse.env.EnvironmentLoader;
import io.ticketstream.warehouse.env.WarehouseEnvironment;
import picocli.CommandLine.Option;

/**
 * Which environment's warehouse, and how to reach it. Secrets are never options: the environment file names them as
 * {@code ${env:NAME}} / {@code ${file:PATH:KEY}} references (Snowflake's private key included).
 */
final class WarehouseOptions {

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment: a file ENV.json in --env-dir (local, prod-eu, prod-us, ...).")
    String environment;

    @Option(names = "--env-dir", defaultValue = "warehouse/env", paramLabel = "DIR",
            description = "Folder of environment files (default ${DEFAULT-VALUE}, from the repository root).")
    Path environmentDirectory;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Overrides the environment's JDBC URL (e.g. the local stack on another port).")
    String url;

    @Option(names = "--snowflake-driver", paramLabel = "JAR",
            description = "Snowflake JDBC driver jar (default: env " + WarehouseConnections.DRIVER_JAR_VARIABLE
                    + ", else the Snowflake connector jar in connect-plugins/target/plugins).")
    Path snowflakeDriver;

    WarehouseEnvironment load() throws IOException {
        WarehouseEnvironment loaded = new EnvironmentLoader(environmentDirectory).load(environment);
        return url == null ? loaded : loaded.withUrl(url);
    }

    WarehouseConnections connections() {
        return new WarehouseConnections(Optional.ofNullable(snowflakeDriver));
    }
}
