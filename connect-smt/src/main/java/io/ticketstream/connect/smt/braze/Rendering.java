package io.ticketstream.connect.smt.braze;

/** How a mapped value is written for Braze. */
enum Rendering {
    /** As it is, except dates and times, which become ISO-8601 instants (Braze's format for custom times). */
    DEFAULT,
    /** A calendar date YYYY-MM-DD (Braze's format for the standard dob attribute). */
    DATE
}
