package io.ticketstream.it.connectors;

import java.util.Map;

/**
 * The only validation errors a connector config may have here: connectivity to servers that do not exist on this
 * machine (the production hosts of SQL Server, MongoDB and Aurora, and Snowflake). Field name and a stable part of the message,
 * per connector; every other connector, and these in every other field, must validate clean. PostgreSQL exists here,
 * so {@code local/aurora-catalog} runs against a real one and expects nothing.
 */
final class ExpectedValidationErrors {

    static final String MONGO_FRAGMENT = "UnknownHostException: crm-mongo.invalid";
    static final String SNOWFLAKE_FRAGMENT = "Cannot connect to Snowflake";

    private static final Map<String, Map<String, String>> PRODUCTION = Map.of(
            "sqlserver-ticketing", Map.of("database.hostname", "The TCP/IP connection to the host"),
            "mongodb-crm", Map.of("mongodb.connection.string", MONGO_FRAGMENT),
            "aurora-catalog", Map.of("database.hostname", "The connection attempt failed."),
            // Snowflake reports a failed login on each of the three fields it logs in with
            "snowflake-canonical", Map.of(
                    "snowflake.url.name", SNOWFLAKE_FRAGMENT,
                    "snowflake.user.name", SNOWFLAKE_FRAGMENT,
                    "snowflake.private.key", SNOWFLAKE_FRAGMENT));

    private ExpectedValidationErrors() {
    }

    /** The compose stack's hosts (sqlserver, postgres) and MongoDB connection string do not resolve here either. */
    private static final Map<String, Map<String, String>> DOCKER = Map.of(
            "sqlserver-ticketing", Map.of("database.hostname", "The TCP/IP connection to the host"),
            "mongodb-crm", Map.of("mongodb.connection.string", MONGO_FRAGMENT),
            "aurora-catalog", Map.of("database.hostname", "The connection attempt failed."));

    static Map<String, String> of(String environment, String connector) {
        if (environment.startsWith("prod-")) {
            return PRODUCTION.getOrDefault(connector, Map.of());
        }
        if (environment.equals("docker")) {
            return DOCKER.getOrDefault(connector, Map.of());
        }
        return Map.of();
    }
}
