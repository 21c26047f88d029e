package io.ticketstream.it.ordering;

import java.util.List;

import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.harness.StreamsAppProcess;
import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.it.ordering.world.WorldShape;

/**
 * kill -9 mid-run, twice: 60% of a backlog written, the app killed once its group has committed 40% of that; the rest
 * written while it is down (a backlog for the restart); restarted on the same state folder, killed again at 75%;
 * started again to finish.
 */
final class KillRestartScript implements ScenarioScript {

    @Override
    public Differences play(ScenarioRun run) throws Exception {
        run.generateBacklog(WorldShape.backlog(run.settings().graceMs()));
        List<Delivery> deliveries = run.world().deliveries();
        int split = deliveries.size() * 6 / 10;
        try (RawWriter writer = run.writer()) {
            writer.backlog(deliveries.subList(0, split), run.random());
            run.phase("60% of the world written");
            StreamsAppProcess first = run.startApp("app-1");
            double share = run.awaitShare(0.4, first);
            run.kill(first);
            run.note(String.format("kill -9 of app-1 with %.0f%% of the written input committed", share * 100));
            run.phase("app-1 killed");
            writer.backlog(deliveries.subList(split, deliveries.size()), run.random());
            run.phase("rest written while the app was down");
        }
        StreamsAppProcess second = run.startApp("app-1-restarted");
        double share = run.awaitShare(0.75, second);
        if (share < 1.0 || !run.progress().drained()) {
            run.kill(second);
            run.note(String.format("kill -9 of the restarted app with %.0f%% of the input committed", share * 100));
            run.phase("restarted app killed");
            run.startApp("app-1-restarted-again");
        } else {
            run.note("second kill skipped: the restarted app had consumed everything before it could be killed");
        }
        return run.awaitOutcome();
    }
}
