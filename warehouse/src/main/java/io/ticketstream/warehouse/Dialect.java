package io.ticketstream.warehouse;

import java.util.Locale;

/**
 * The two targets of the one model: Snowflake (production) and PostgreSQL (the local stand-in). The name is
 * Liquibase's {@code dbms} id, which selects the dialect-specific changesets and properties in the changelog.
 */
public enum Dialect {
    SNOWFLAKE("snowflake"),
    POSTGRESQL("postgresql");

    private final String liquibaseId;

    Dialect(String liquibaseId) {
        this.liquibaseId = liquibaseId;
    }

    public String liquibaseId() {
        return liquibaseId;
    }

    /** Parses an environment file's {@code dialect} value; the error names the value and the choices. */
    public static Dialect parse(String value) {
        for (Dialect dialect : values()) {
            if (dialect.liquibaseId.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("dialect '" + value + "' is not one of snowflake, postgresql");
    }
}
