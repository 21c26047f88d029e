package io.ticketstream.it.ordering;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.ticketstream.it.ordering.harness.Differences;
import io.ticketstream.it.ordering.harness.RawWriter;
import io.ticketstream.it.ordering.world.WorldShape;

/**
 * Two rebalances while records flow, with {@code num.standby.replicas=1}: a second instance is started as the live
 * writing starts (its JVM start and join take seconds, so it joins mid-run), the first leaves (SIGTERM) once two
 * thirds are written.
 */
final class RebalanceScript implements ScenarioScript {

    @Override
    public Differences play(ScenarioRun run) throws Exception {
        var first = run.startApp("app-1");
        run.awaitMembers(1);
        run.generateLive(WorldShape.live(run.settings().graceMs(), 12_000, 1_000));
        try (RawWriter writer = run.writer()) {
            CompletableFuture<RawWriter.LiveStats> writing = run.writeInBackground(writer);
            long total = run.world().deliveries().size();
            run.startApp("app-2");
            run.waitFor(() -> run.progress().members() >= 2, Duration.ofMinutes(2), "app-2 joining the group");
            run.note(String.format("app-2 joined with %.0f%% of the world written", 100.0 * writer.sent() / total));
            run.phase("app-2 joined");
            run.waitFor(() -> writer.sent() >= total * 2 / 3 || writing.isDone(), Duration.ofMinutes(2), "two thirds written");
            run.note(String.format("app-1 told to leave (SIGTERM) with %.0f%% of the world written", 100.0 * writer.sent() / total));
            run.stop(first);
            run.phase("app-1 left");
            run.checkPremise(writing.get());
        }
        run.phase("world written live");
        return run.awaitOutcome();
    }
}
