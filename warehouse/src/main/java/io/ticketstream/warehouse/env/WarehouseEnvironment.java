package io.ticketstream.warehouse.env;

import java.util.Map;
import java.util.Optional;

import io.ticketstream.warehouse.Dialect;

/**
 * One environment's warehouse ({@code warehouse/env/<name>.json}): where it is, how to log in, the changelog
 * parameters of its model, and the Kafka cluster whose canonical topics it is reconciled with. Secret values are
 * already resolved from their {@code ${env:..}}/{@code ${file:..}} references; {@link #toString()} never shows them.
 *
 * @param password             PostgreSQL password
 * @param privateKey           Snowflake key-pair authentication: PKCS#8 private key, PEM or base64 DER
 * @param privateKeyPassphrase for an encrypted private key
 * @param parameters           changelog parameters ({@code ${name}} in the model's SQL)
 * @param kafka                consumer settings for the canonical topics ({@code bootstrap.servers}, security)
 */
public record WarehouseEnvironment(String name, String description, Dialect dialect, String url, String user,
                                   Optional<Secret> password, Optional<Secret> privateKey,
                                   Optional<Secret> privateKeyPassphrase, Map<String, String> parameters,
                                   Map<String, Object> kafka) {

    public WarehouseEnvironment {
        parameters = Map.copyOf(parameters);
        kafka = Map.copyOf(kafka);
    }

    /** The same environment with another JDBC URL (a port the local stack chose, a test's database). */
    public WarehouseEnvironment withUrl(String newUrl) {
        return new WarehouseEnvironment(name, description, dialect, newUrl, user, password, privateKey,
                privateKeyPassphrase, parameters, kafka);
    }

    /** The same environment with other Kafka bootstrap servers. */
    public WarehouseEnvironment withBootstrapServers(String bootstrapServers) {
        Map<String, Object> settings = new java.util.HashMap<>(kafka);
        settings.put("bootstrap.servers", bootstrapServers);
        return new WarehouseEnvironment(name, description, dialect, url, user, password, privateKey,
                privateKeyPassphrase, parameters, settings);
    }

    @Override
    public String toString() {
        return "WarehouseEnvironment[" + name + ", " + dialect.liquibaseId() + ", " + url + ", user " + user + "]";
    }

    /**
     * A resolved secret: {@link #value()} fails, naming the reference, when the reference could not be resolved
     * (an unset variable, a missing file or key), so the error says what to set and never shows a value.
     */
    public record Secret(String field, String reference, String resolved) {

        public String value() {
            if (resolved == null || resolved.contains("${")) {
                throw new IllegalArgumentException(field + ": " + reference + " is not set (unresolved: set the variable "
                        + "or create the file it names)");
            }
            return resolved;
        }

        @Override
        public String toString() {
            return field + "=" + reference;
        }
    }
}
