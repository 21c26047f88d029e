package io.ticketstream.braze.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the Braze simulator (a stand-in for Braze's REST API, not Braze) as a process, for the
 * local stack and docker-compose. See {@link MainOptions#USAGE} or {@code --help} for the flags.
 * Exit codes: 0 after a signal, 2 for bad flags, 1 when the port cannot be bound.
 */
public final class BrazeSimulatorMain {

    /** The banner every run prints first, so no one mistakes it for Braze. */
    static final String BANNER = "Braze SIMULATOR (stand-in, not Braze)";

    private BrazeSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Our log configuration, unless the user brought one; set before any logger exists.
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:braze-simulator-log4j2.xml");
        }
        MainOptions options;
        try {
            options = MainOptions.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println(BANNER + ": " + e.getMessage());
            System.err.println("Run with --help for the flags.");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(MainOptions.USAGE);
            return;
        }
        BrazeSimulator simulator;
        try {
            simulator = options.toBuilder().build().start();
        } catch (RuntimeException e) {
            System.err.println(BANNER + ": cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Counts only: the key and the objects never reach stdout or the logs.
        System.out.println("==== " + BANNER + " on " + simulator.baseUri() + " ====");
        System.out.println("  accepting " + options.apiKeys.size() + " API key(s) from $" + options.apiKeyEnv
                + "; /users/track " + options.rateLimit + " per " + options.window
                + "; stats: " + simulator.baseUri().resolve(AdminHandler.STATS));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SimulatorStats stats = simulator.stats();
            System.out.println(BANNER + " stopping: " + stats.acceptedObjects() + " objects accepted, "
                    + stats.tooManyRequestsTotal() + " 429s, " + stats.userConcurrencyViolations()
                    + " user-concurrency violations");
            simulator.close();
            stopped.countDown();
        }, "braze-simulator-shutdown"));
        stopped.await();
    }
}
