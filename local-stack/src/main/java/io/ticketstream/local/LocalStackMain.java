package io.ticketstream.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.ticketstream.local.status.StatusCollector;
import io.ticketstream.local.status.StatusRenderer;
import io.ticketstream.local.status.StatusSnapshot;

/**
 * {@code ./ticketstream up}: starts the {@link LocalStack} from the repository root, shows a live status until
 * Ctrl-C, then stops everything. Logs go to {@code <data>/logs/local-stack.log}, not the terminal.
 */
public final class LocalStackMain {

    private static final String USAGE = """
            usage: ticketstream up [options]
              --data-dir DIR        data folder (default .local at the repository root), kept between runs
              --reset               delete the data folder first (topics, connector offsets, PostgreSQL, state)
              --rate N              simulated check-outs per second (default %s)
              --seed N              traffic random seed (default: time based)
              --braze-rate N        Braze simulator /users/track limit per 3 s window (default %d)
              --no-status           plain log lines instead of the live status screen
              --kafka-port P        (default %d)   --controller-port P (default %d)
              --connect-port P      (default %d)   --postgres-port P   (default %d)
              --braze-port P        (default %d)
            """.formatted(StackSettings.DEFAULT_RATE, StackSettings.DEFAULT_BRAZE_REQUESTS_PER_WINDOW,
            StackSettings.DEFAULT_KAFKA_PORT, StackSettings.DEFAULT_CONTROLLER_PORT, StackSettings.DEFAULT_CONNECT_PORT,
            StackSettings.DEFAULT_POSTGRES_PORT, StackSettings.DEFAULT_BRAZE_PORT);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path dataDir = root.resolve(".local");
        boolean reset = false;
        boolean status = true;
        double rate = StackSettings.DEFAULT_RATE;
        long seed = System.currentTimeMillis();
        int brazeRate = StackSettings.DEFAULT_BRAZE_REQUESTS_PER_WINDOW;
        int kafkaPort = StackSettings.DEFAULT_KAFKA_PORT;
        int controllerPort = StackSettings.DEFAULT_CONTROLLER_PORT;
        int connectPort = StackSettings.DEFAULT_CONNECT_PORT;
        int postgresPort = StackSettings.DEFAULT_POSTGRES_PORT;
        int brazePort = StackSettings.DEFAULT_BRAZE_PORT;
        int i = 0;
        if (args.length > 0 && args[0].equals("up")) {
            i = 1;
        }
        try {
            for (; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i)).toAbsolutePath();
                    case "--reset" -> reset = true;
                    case "--no-status" -> status = false;
                    case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--braze-rate" -> brazeRate = Integer.parseInt(value(args, ++i));
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(value(args, ++i));
                    case "--controller-port" -> controllerPort = Integer.parseInt(value(args, ++i));
                    case "--connect-port" -> connectPort = Integer.parseInt(value(args, ++i));
                    case "--postgres-port" -> postgresPort = Integer.parseInt(value(args, ++i));
                    case "--braze-port" -> brazePort = Integer.parseInt(value(args, ++i));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (!(rate > 0)) {
                throw new IllegalArgumentException("--rate must be > 0, got " + rate);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ticketstream up: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        if (reset) {
            try {
                DataFolder.reset(dataDir);
            } catch (IllegalArgumentException e) {
                System.err.println("ticketstream up: " + e.getMessage());
                System.exit(2);
            }
            System.out.println("ticketstream up: --reset: deleted " + dataDir);
        }
        DataFolder.prepare(dataDir);
        // Before the first logger exists: everything (Kafka, Connect, Debezium, Streams) logs to the data folder.
        System.setProperty("ticketstream.local.logs", dataDir.resolve("logs").toString());
        System.setProperty("log4j2.configurationFile", "local-stack-log4j2.xml");

        StackSettings settings = new StackSettings(root, dataDir, kafkaPort, controllerPort, connectPort, postgresPort,
                brazePort, rate, seed, brazeRate);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ticketstream up: starting PostgreSQL, Braze simulator, Kafka (KRaft), Connect, connectors, streams app, traffic");
        out.println("  logs: " + settings.logsDir().resolve("local-stack.log") + "   data: " + dataDir);

        LocalStack stack = new LocalStack(settings);
        Path keptData = dataDir;
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            out.println("\nticketstream up: stopping traffic, streams app, Connect, broker, PostgreSQL, simulator ...");
            stack.close();
            out.println("ticketstream up: stopped; data kept in " + keptData + " (--reset to start afresh)");
            stopped.countDown();
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
        } catch (Exception e) {
            if (stopping.get()) {
                return; // Ctrl-C during start: the shutdown hook is stopping what came up
            }
            out.println("ticketstream up: start failed: " + e + " (details in " + settings.logsDir().resolve("local-stack.log") + ")");
            org.slf4j.LoggerFactory.getLogger(LocalStackMain.class).error("start failed", e);
            System.exit(1);
        }
        out.println("ticketstream up: running. Kafka " + settings.bootstrapServers() + ", Connect http://127.0.0.1:" + connectPort
                + ", PostgreSQL 127.0.0.1:" + stack.databases().port() + ", Braze simulator " + stack.braze().baseUri());
        out.println("  connectors/ as this stack runs them (re-apply after editing connectors/): " + stack.connectors().applyCommand());
        StatusCollector collector = stack.statusCollector();
        String header = "Kafka :" + kafkaPort + "  Connect :" + connectPort + "  PG :" + stack.databases().port()
                + "  Braze :" + stack.braze().port();
        java.util.concurrent.atomic.AtomicBoolean details = new java.util.concurrent.atomic.AtomicBoolean();
        if (status) {
            toggleDetailsOnEnter(details);
        }
        while (stopped.getCount() > 0) {
            StatusSnapshot snapshot = collector.collect();
            if (status) {
                out.print("\033[H\033[2J" + (details.get() ? StatusRenderer.details(snapshot, header) + "\nEnter: back to the summary\n"
                        : StatusRenderer.compact(snapshot, header)));
            } else {
                org.slf4j.LoggerFactory.getLogger(LocalStackMain.class).info("status\n{}", StatusRenderer.details(snapshot, header));
            }
            out.flush();
            if (stopped.await(status ? 2 : 15, java.util.concurrent.TimeUnit.SECONDS)) {
                break;
            }
        }
    }

    /**
     * Details on demand: Enter switches between the 80x24 summary and every section in full. A line-buffered read
     * (no raw terminal mode), on a daemon thread that ends with the JVM.
     */
    private static void toggleDetailsOnEnter(java.util.concurrent.atomic.AtomicBoolean details) {
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    details.set(!details.get());
                }
            } catch (IOException e) {
                // no terminal input: the summary stays
            }
        }, "status-keys");
        reader.setDaemon(true);
        reader.start();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

}
