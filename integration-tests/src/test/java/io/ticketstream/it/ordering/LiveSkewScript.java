package io.ticketstream.it.ordering;

import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.HoldBacks;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.world.WorldShape;

/**
 * The app runs while the world is written at the pace of its commits, four raw topics or partitions held back for
 * 0.5 s to (tolerance - 1 s) each and then released: every record still reaches Kafka within the tolerance.
 */
final class LiveSkewScript implements ScenarioScript {

    /** Room left between the longest hold-back and the tolerance, for the writer's own lateness on a busy machine. */
    static final long MARGIN_MS = 1_000;

    @Override
    public Differences play(ScenarioRun run) throws Exception {
        run.startApp("app-1");
        run.awaitMembers(1);
        run.generateLive(WorldShape.live(run.settings().graceMs(), 5_000, 1_000));
        HoldBacks holdBacks = HoldBacks.draw(run.world(), run.random(), 4, run.settings().toleranceMs() - MARGIN_MS);
        run.note("hold-backs: " + holdBacks);
        try (RawWriter writer = run.writer()) {
            run.checkPremise(writer.live(run.world().deliveries(), holdBacks));
        }
        run.phase("world written live");
        return run.awaitOutcome();
    }
}
