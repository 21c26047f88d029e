package io.ticketstream.it.ordering.world;

/**
 * How big a generated world is and how its time is laid out.
 *
 * @param orderSpanMs    check-outs start within this span after the catalogue and the customers exist
 * @param continuationMs after the quiet tail, check-outs go on this long on the OTHER partitions (none with one)
 * @param graceMs        the app's {@code sale.grace.ms}: late dimensions are created within half of it
 * @param duplicateRate  share of change events the connector delivers twice in a row
 */
public record WorldShape(int attractions, int venues, int performances, int customers, int orders, long orderSpanMs,
                         long continuationMs, long graceMs, double duplicateRate) {

    /** A world written as a backlog: its span costs no wall-clock time, so it can be dense. */
    public static WorldShape backlog(long graceMs) {
        return new WorldShape(4, 3, 8, 40, 160, 8_000, 2_000, graceMs, 0.06);
    }

    /**
     * A world written live, at the pace of its commit times: about {@code orderSpanMs + 3.5 s + continuationMs} of
     * wall clock (catalogue and customers first, refunds up to 2 s after the last sale, the quiet tail).
     */
    public static WorldShape live(long graceMs, long orderSpanMs, long continuationMs) {
        return new WorldShape(4, 3, 8, 30, (int) (orderSpanMs / 70), orderSpanMs, continuationMs, graceMs, 0.06);
    }

    /** A few dozen records: for tests of the generator itself. */
    public static WorldShape tiny(long graceMs) {
        return new WorldShape(2, 2, 3, 6, 12, 2_000, 500, graceMs, 0.1);
    }
}
