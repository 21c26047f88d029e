package io.ticketstream.it.ordering;

import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.world.WorldShape;

/** The whole world written first — 13-day-old commits, partitions in a random interleaving — then the app starts. */
final class BacklogScript implements ScenarioScript {

    @Override
    public Differences play(ScenarioRun run) throws Exception {
        run.generateBacklog(WorldShape.backlog(run.settings().graceMs()));
        try (RawWriter writer = run.writer()) {
            writer.backlog(run.world().deliveries(), run.random());
        }
        run.phase("world written");
        run.startApp("app-1");
        return run.awaitOutcome();
    }
}
