package io.ticketstream.ops.command;

/** How a command prints its answer: an aligned table for people, JSON for scripts. */
public enum OutputFormat {
    table, json
}
