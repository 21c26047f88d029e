package io.ticketstream.it.ordering.world;

/**
 * The three source databases. Each has its own Debezium connector (one task), so each emits its changes in its own
 * commit order, independently of the others.
 */
public enum SourceDb {
    SQLSERVER, MONGODB, AURORA
}
