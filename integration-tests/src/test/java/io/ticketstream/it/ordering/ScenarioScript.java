package io.ticketstream.it.ordering;

import io.ticketstream.it.ordering.harness.Differences;

/** What one {@link Scenario} does with a run: when the world is written, when app instances start, die or leave. */
interface ScenarioScript {

    /** @return the differences between the outputs and the oracle once the run has settled */
    Differences play(ScenarioRun run) throws Exception;
}
