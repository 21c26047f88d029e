package io.ticketstream.it.connectors;

import java.util.Map;

/**
 * The only validation errors a connector config may have here: connectivity to servers that do not exist on this
 * machine (the production hosts of SQL Server, MongoDB and Aurora, Snowflake, and Braze in every environment). Field name and a stable part of the message,
 * per connector; every other connector, and these in every other field, must validate clean. PostgreSQL exists here,
 * so {@code local/aurora-catalog} runs against a real one and expects nothing.
 */
final class ExpectedValidationErrors {

    /**
     * The connection string comes from {@code ${env:MONGODB_CONNECTION_STRING}} (it holds the password). Since Kafka
     * 4.3.2 a worker does not pass on the connector's message for a value resolved from a config provider (it could
     * echo the secret), so the driver's "UnknownHostException: crm-mongo.invalid" (Kafka 4.3.1) shows as this.
     */
    static final String MONGO_FRAGMENT = "the value resolved from the config provider reference failed validation";
    static final String SNOWFLAKE_FRAGMENT = "Cannot connect to Snowflake";
    /** The Braze sink's validate() calls Braze; no Braze here (nor the local simulator while this test runs). */
    static final String BRAZE_FRAGMENT = "cannot reach Braze";
    private static final Map<String, String> BRAZE = Map.of("braze.rest.url", BRAZE_FRAGMENT);

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
        if (connector.startsWith("braze-")) {
            return BRAZE;
        }
        if (environment.startsWith("prod-")) {
            return PRODUCTION.getOrDefault(connector, Map.of());
        }
        if (environment.equals("docker")) {
            return DOCKER.getOrDefault(connector, Map.of());
        }
        return Map.of();
    }
}
