package io.ticketstream.connect.braze.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A discrete-event model of several tasks (each a {@link RequestPacer} with its sender threads) sharing one Braze
 * workspace limit: clock-aligned windows of {@code limit} requests, 429 beyond, X-RateLimit-* on every answer,
 * random latency. Virtual time, so a minute of traffic runs in milliseconds and the outcome is the same on every
 * machine. It checks the pacing LOGIC; the real components against the simulator are checked elsewhere.
 */
final class WorkspaceFleet {

    /** One task: its pacer, senders, how many requests of work it has and until when it has them. */
    static final class Task {
        final double share;
        RequestPacer pacer;
        final int senders;
        long work;
        final long workUntil;

        Task(double share, int senders, long work, long workUntil) {
            this.share = share;
            this.senders = senders;
            this.work = work;
            this.workUntil = workUntil;
        }

        boolean hasWork(long now) {
            return work > 0 && now < workUntil;
        }
    }

    record Outcome(TreeMap<Long, long[]> windows, long windowMillis, int limit) {
        /** Admitted ÷ limit over the windows strictly between the first and the last window with traffic. */
        double fullWindowUse(long fromMillis, long untilMillis) {
            long used = 0;
            int count = 0;
            for (var e : windows.entrySet()) {
                long start = e.getKey() * windowMillis;
                if (start >= fromMillis + windowMillis && start + windowMillis <= untilMillis - windowMillis) {
                    used += e.getValue()[0];
                    count++;
                }
            }
            return count == 0 ? Double.NaN : (double) used / ((long) count * limit);
        }

        long max429PerWindow() {
            return windows.values().stream().mapToLong(c -> c[1]).max().orElse(0);
        }

        /** Windows (of those with traffic) that saw more than one 429. */
        long windowsWithMoreThanOne429() {
            return windows.values().stream().filter(c -> c[1] > 1).count();
        }

        long total429() {
            return windows.values().stream().mapToLong(c -> c[1]).sum();
        }
    }

    private record Event(long at, long seq, Runnable action) {
    }

    private final int limit;
    private final long windowMillis;
    private final long minLatency;
    private final long latencyJitter;
    private final SplittableRandom random;
    private final List<Task> tasks = new ArrayList<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final TreeMap<Long, long[]> windows = new TreeMap<>();
    private long sequence;
    private long serverWindow = Long.MIN_VALUE;
    private int serverUsed;
    private int serverLimit;
    private long limitChangeAt = Long.MAX_VALUE;
    private int changedLimit;

    WorkspaceFleet(int limit, Duration window, long minLatency, long latencyJitter, long seed) {
        this.limit = limit;
        this.serverLimit = limit;
        this.windowMillis = window.toMillis();
        this.minLatency = minLatency;
        this.latencyJitter = latencyJitter;
        this.random = new SplittableRandom(seed);
    }

    /** A task of the connector with this share; the tasks of one share are one connector (they know each other's count). */
    WorkspaceFleet task(double share, int senders, long work, long workUntil) {
        tasks.add(new Task(share, senders, work, workUntil));
        return this;
    }

    /** From {@code at} on the server allows only {@code newLimit} per window (a contract change mid-run). */
    WorkspaceFleet changeLimitAt(long at, int newLimit) {
        this.limitChangeAt = at;
        this.changedLimit = newLimit;
        return this;
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, sequence++, action));
    }

    Outcome run(long start, long until) {
        for (Task task : tasks) {
            int peers = (int) tasks.stream().filter(t -> t.share == task.share).count() - 1;
            task.pacer = new RequestPacer(limit, Duration.ofMillis(windowMillis), task.share, peers, random.split());
        }
        for (Task task : tasks) {
            for (int i = 0; i < task.senders; i++) {
                at(start + random.nextLong(3), () -> ask(task));
            }
        }
        while (!events.isEmpty() && events.peek().at < until) {
            Event e = events.poll();
            now = e.at;
            e.action.run();
        }
        return new Outcome(windows, windowMillis, limit);
    }

    private long now;

    /** One sender asks its pacer; idle once its task has no work (the real one waits on an empty buffer). */
    private void ask(Task task) {
        if (!task.hasWork(now)) {
            return;
        }
        long wait = task.pacer.tryAcquire(now);
        if (wait > 0) {
            // a real sender wakes a little late (timed wait granularity, a busy machine's scheduler)
            at(now + wait + random.nextLong(4), () -> ask(task));
            return;
        }
        long latency = minLatency + (latencyJitter == 0 ? 0 : random.nextLong(latencyJitter));
        at(now + latency / 2, () -> arrive(task, latency - latency / 2));
    }

    /** The server admits or refuses at arrival; the answer reaches the task after the other half of the latency. */
    private void arrive(Task task, long returnLatency) {
        if (now >= limitChangeAt) {
            serverLimit = changedLimit;
        }
        long window = Math.floorDiv(now, windowMillis);
        if (window != serverWindow) {
            serverWindow = window;
            serverUsed = 0;
        }
        long[] counts = windows.computeIfAbsent(window, w -> new long[2]);
        boolean allowed = serverUsed < serverLimit;
        if (allowed) {
            serverUsed++;
            counts[0]++;
        } else {
            counts[1]++;
        }
        long remaining = Math.max(0, serverLimit - serverUsed);
        long reset = Math.floorDiv((window + 1) * windowMillis + 999, 1000);
        int limitNow = serverLimit;
        at(now + returnLatency, () -> {
            if (allowed) {
                task.pacer.onResponse(now, limitNow, remaining, reset);
                task.work--;
            } else {
                task.pacer.onRateLimited(now, -1, reset);
            }
            ask(task);
        });
    }
}
