package io.ticketstream.braze.simulator;

/**
 * How the per-request object cap of {@code /users/track} is counted. Braze's current docs say
 * 75 objects in total across the three arrays; older contracts allow 75 per array.
 */
public enum ObjectCapMode {
    /** The cap applies to attributes + events + purchases together (current Braze docs). */
    COMBINED,
    /** The cap applies to each array on its own (older Braze contracts). */
    PER_ARRAY
}
