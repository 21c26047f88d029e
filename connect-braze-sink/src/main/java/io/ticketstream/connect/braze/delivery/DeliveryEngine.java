package io.ticketstream.connect.braze.delivery;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.connect.braze.batch.BrazeRequest;
import io.ticketstream.connect.braze.batch.DeleteRequest;
import io.ticketstream.connect.braze.batch.PendingRecord;
import io.ticketstream.connect.braze.batch.RecordBuffer;
import io.ticketstream.connect.braze.batch.TrackRequest;
import io.ticketstream.connect.braze.config.BrazeSinkConfig;
import io.ticketstream.connect.braze.http.BrazeTransport;
import io.ticketstream.connect.braze.http.HttpResult;
import io.ticketstream.connect.braze.http.Json;
import io.ticketstream.connect.braze.metrics.BrazeSinkTaskMetrics;
import io.ticketstream.connect.braze.pacing.Endpoint;
import io.ticketstream.connect.braze.pacing.RateLimitHeaders;
import io.ticketstream.connect.braze.pacing.RequestPacer;

/**
 * Delivers buffered records to Braze on the task's own sender threads, so put() never blocks on HTTP or on
 * rate limits. Each sender takes a request from the {@link RecordBuffer} (users locked while in flight), waits
 * for its endpoint's {@link RequestPacer}, sends, retries 5xx/timeouts with backoff, waits out 429s, bisects
 * 400s, reports rejected records, and marks delivered ones in the {@link OffsetTracker}.
 *
 * <p>A fatal error (401/403/404, retry timeout, behavior.on.error=fail) is remembered and stops the senders;
 * the task rethrows it on its next put(), and what was not delivered stays uncommitted.
 */
public final class DeliveryEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final int MAX_ERROR_TEXT = 300;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final RecordBuffer buffer;
    private final OffsetTracker offsets;
    private final Map<Endpoint, RequestPacer> pacers;
    private final BrazeTransport transport;
    private final ErrorRouter errors;
    private final BrazeSinkTaskMetrics metrics;
    private final ExponentialBackoff backoff;
    private final long requestTimeoutMillis;
    /** Partitions revoked from this task: none of their records may be sent again (their new owner sends them). */
    private final Set<TopicPartition> revoked = new HashSet<>();
    /** Partitions with records in an HTTP attempt right now, and how many attempts: close() waits for them. */
    private final Map<TopicPartition, Integer> sending = new HashMap<>();
    /** The task thread's MDC ({@code connector.context} = "[name|task-n] "), for the sender threads' log lines. */
    private final Map<String, String> logContext;
    private volatile Runnable onDelivered = () -> { };
    /**
     * Requests start in the order they were built: each sender draws a ticket when it takes a request and waits for
     * its turn before it waits for the rate limit. Without this, a sender whose wait for the limit ended later sent
     * its (older) records after newer ones, and the committable offset stood still behind them for seconds.
     */
    private long nextTicket;
    private long servingTicket;
    private final LongSupplier clock;
    private final long lingerMillis;
    private final long retryTimeoutMillis;
    private final int senderCount;
    private final String name;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicReference<ConnectException> failure = new AtomicReference<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean flushing;

    public DeliveryEngine(BrazeSinkConfig config, int taskCount, BrazeTransport transport, ErrorRouter errors,
                          OffsetTracker offsets, BrazeSinkTaskMetrics metrics, LongSupplier clock, String name) {
        this.buffer = new RecordBuffer(config.trackMaxObjects(), config.capMode(), config.maxPayloadBytes(),
                config.subscriptionMaxIdsPerEntry(), config.subscriptionMaxEntriesPerRequest());
        this.pacers = new EnumMap<>(Endpoint.class);
        pacers.put(Endpoint.TRACK, new RequestPacer(config.quotaRequests(), config.quotaWindow(), config.quotaShare(),
                taskCount - 1, new SplittableRandom()));
        pacers.put(Endpoint.USER_DELETE, new RequestPacer(config.deleteQuotaRequests(), config.deleteQuotaWindow(),
                config.quotaShare(), taskCount - 1, new SplittableRandom()));
        pacers.put(Endpoint.SUBSCRIPTION, new RequestPacer(config.subscriptionQuotaRequests(),
                config.subscriptionQuotaWindow(), config.quotaShare(), taskCount - 1, new SplittableRandom()));
        this.transport = transport;
        this.errors = errors;
        this.offsets = offsets;
        this.metrics = metrics;
        // Kafka's own capped exponential backoff, with 20% jitter so tasks that failed together spread out
        this.backoff = new ExponentialBackoff(config.backoffInitial().toMillis(), 2, config.backoffMax().toMillis(), 0.2);
        this.requestTimeoutMillis = config.requestTimeout().toMillis();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        this.logContext = mdc == null ? Map.of() : Map.copyOf(mdc);
        this.clock = clock;
        this.lingerMillis = config.linger().toMillis();
        this.retryTimeoutMillis = config.retryTimeout().toMillis();
        this.senderCount = config.maxInFlight();
        this.name = name;
        RequestPacer track = pacers.get(Endpoint.TRACK);
        metrics.gauges(this::mergedUpdates, this::buffered, track::estimatedRemaining, track::othersPerSecond);
    }

    public void start() {
        for (int i = 0; i < senderCount; i++) {
            Thread sender = new Thread(() -> {
                // Connect sets the connector/task MDC on its own threads only: carry it over so every line a sender
                // logs carries "[connector|task-n]" like the worker's own
                MDC.setContextMap(logContext);
                log.info("Braze sender thread {} started", Thread.currentThread().getName());
                runSender();
            }, "braze-sender-" + name + "-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
        log.info("Braze delivery started for {} with {} sender threads to {}; track pacing {} requests per window",
                name, senderCount, transport.describeTarget(), pacers.get(Endpoint.TRACK).limit());
    }

    /** The remembered fatal error, or null. */
    public ConnectException failure() {
        return failure.get();
    }

    public void enqueue(List<PendingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            records.forEach(buffer::add);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is buffered without waiting for the linger time (end of a benchmark or test backlog). */
    public void flushWithoutLinger(boolean on) {
        flushing = on;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        return offsets.committable();
    }

    /** Called after each request Braze answered for good: the task asks Connect for an offset commit. */
    public void onDelivered(Runnable listener) {
        this.onDelivered = listener;
    }

    /** Partitions (re)assigned to this task: their records may be sent again. */
    public void assigned(Collection<TopicPartition> partitions) {
        lock.lock();
        try {
            revoked.removeAll(partitions);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Partitions revoked from this task: drops their buffered records, strips them from requests built or being
     * retried, and waits until no HTTP attempt holding them is still out (at most the request timeout). When this
     * returns, nothing of these partitions is sent again and none of their users is in a request of this task, so
     * the new owner never has a user in flight twice.
     */
    public void revoke(Collection<TopicPartition> partitions) {
        lock.lock();
        try {
            revoked.addAll(partitions);
            buffer.removePartitions(partitions);
            offsets.forget(partitions);
            changed.signalAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMillis + 1_000);
            while (partitions.stream().anyMatch(sending::containsKey)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("{}: requests holding records of revoked partitions still unanswered after {} ms", name,
                            requestTimeoutMillis);
                    break;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Requests in flight or waiting (buffered records, plus requests being sent). */
    public boolean idle() {
        lock.lock();
        try {
            return buffer.size() == 0 && sending.isEmpty() && offsets.pendingCount() == 0;
        } finally {
            lock.unlock();
        }
    }

    public int buffered() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    private long mergedUpdates() {
        lock.lock();
        try {
            return buffer.mergedUpdates();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread sender : senders) {
            sender.interrupt();
        }
        for (Thread sender : senders) {
            try {
                sender.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        transport.close();
    }

    private boolean running() {
        return stopping.getCount() > 0 && failure.get() == null;
    }

    private void fail(ConnectException error) {
        if (failure.compareAndSet(null, error)) {
            log.error("Braze delivery for {} failed; the task fails on its next put(): {}", name, error.getMessage());
        }
        stopping.countDown();
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runSender() {
        while (running()) {
            Ticketed taken;
            try {
                taken = nextRequest();
            } catch (InterruptedException e) {
                return;
            }
            if (taken == null) {
                return;
            }
            BrazeRequest request = taken.request();
            try {
                deliver(request, taken.ticket());
            } catch (InterruptedException e) {
                return; // stopping: undelivered records stay uncommitted
            } catch (ConnectException e) {
                fail(e);
            } catch (RuntimeException e) {
                fail(new ConnectException("Unexpected error delivering to Braze: " + e, e));
            } finally {
                lock.lock();
                try {
                    buffer.release(request);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private record Ticketed(BrazeRequest request, long ticket) {
    }

    /** Blocks until a request is worth sending (full, lingered long enough, or flushing), or stop. */
    private Ticketed nextRequest() throws InterruptedException {
        lock.lock();
        try {
            while (running()) {
                long now = clock.getAsLong();
                long oldest = buffer.oldestEnqueuedAt();
                boolean lingered = flushing || (oldest >= 0 && now - oldest >= lingerMillis);
                if (buffer.trackSize() > 0 && (lingered || buffer.trackWouldBeFull())) {
                    TrackRequest track = buffer.nextTrackRequest();
                    if (track != null) {
                        return new Ticketed(track, nextTicket++);
                    }
                }
                if (buffer.subscriptionSize() > 0 && (lingered || buffer.subscriptionWouldBeFull())) {
                    BrazeRequest subscription = buffer.nextSubscriptionRequest();
                    if (subscription != null) {
                        return new Ticketed(subscription, nextTicket++);
                    }
                }
                if (buffer.deleteSize() > 0 && (lingered || buffer.deleteSize() >= DeleteRequest.MAX_IDS)) {
                    BrazeRequest delete = buffer.nextDeleteRequest();
                    if (delete != null) {
                        return new Ticketed(delete, nextTicket++);
                    }
                }
                if (oldest >= 0 && !lingered) {
                    changed.await(Math.max(1, oldest + lingerMillis - now), TimeUnit.MILLISECONDS);
                } else {
                    // empty, or everything left belongs to users in flight: a release or new records will signal
                    changed.await();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(BrazeRequest first, long ticket) throws InterruptedException {
        Deque<BrazeRequest> work = new ArrayDeque<>();
        work.add(first);
        boolean firstAttempt = true;
        while (!work.isEmpty()) {
            Sent sent = send(work.pollFirst(), firstAttempt ? ticket : -1);
            firstAttempt = false;
            if (sent == null) {
                continue; // all of it belonged to revoked partitions
            }
            BrazeRequest request = sent.request();
            HttpResult result = sent.result();
            int status = result.status();
            if (status >= 200 && status < 300) {
                completed(request, result);
                onDelivered.run();
            } else if (status == 400 || status == 413) {
                if (request.objectCount() > 1) {
                    // bisect: the halves go first, in order, so one user's records keep their order
                    List<BrazeRequest> halves = request.split();
                    work.addFirst(halves.get(1));
                    work.addFirst(halves.get(0));
                    log.info("Braze answered {} to a request of {} objects; splitting it to isolate the rejected ones",
                            status, request.objectCount());
                } else {
                    rejected(request.records(), "Braze answered " + status + " to " + request.path()
                            + " for a request holding only this record: " + brazeMessage(result));
                    onDelivered.run();
                }
            } else {
                throw fatal(request, result);
            }
        }
    }

    private void completed(BrazeRequest request, HttpResult result) {
        Set<PendingRecord> failed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        JsonNode body = parse(result);
        JsonNode errorsNode = body == null ? null : body.get("errors");
        if (errorsNode != null && errorsNode.isArray()) {
            for (JsonNode error : errorsNode) {
                String array = error.path("input_array").asText(null);
                int index = error.path("index").asInt(-1);
                String type = error.path("type").asText("unknown");
                List<PendingRecord> records = request.recordsAt(array, index);
                if (records.isEmpty()) {
                    log.warn("Braze reported an error ({}) for {}[{}], which is not in the request; ignoring it",
                            type, array, index);
                    continue;
                }
                for (PendingRecord record : records) {
                    if (failed.add(record)) {
                        reject(record, "Braze rejected the " + record.object().type().wireName() + " object ("
                                + array + "[" + index + "], error: " + truncate(type) + ")");
                    }
                }
            }
        }
        for (PendingRecord record : request.records()) {
            if (!failed.contains(record)) {
                offsets.markDone(record.partition(), record.offset());
            }
        }
    }

    private void rejected(List<PendingRecord> records, String reason) {
        for (PendingRecord record : records) {
            reject(record, reason);
        }
    }

    private void reject(PendingRecord record, String reason) {
        errors.report(record.record(), record.coordinates(), new BrazeRejectedException(reason));
        metrics.reported(record.object().type());
        offsets.markDone(record.partition(), record.offset());
    }

    /**
     * Sends until Braze answers something other than 429 or 5xx; waits out rate limits and retries 5xx,
     * timeouts and connection errors with backoff until the retry timeout.
     */
    private Sent send(BrazeRequest original, long ticket) throws InterruptedException {
        BrazeRequest request = original;
        RequestPacer pacer = pacers.get(request.endpoint());
        long firstFailureAt = -1;
        int attempt = 0;
        while (true) {
            if (attempt == 0 && ticket >= 0) {
                awaitTurn(ticket);
                try {
                    awaitPermit(pacer);
                } finally {
                    endTurn();
                }
            } else {
                awaitPermit(pacer); // retries and split halves: their records are the oldest, no queueing
            }
            request = beginAttempt(request);
            if (request == null) {
                pacer.onNoResponse(clock.getAsLong()); // nothing left to send: every record was revoked
                return null;
            }
            countRequest(request);
            long started = clock.getAsLong();
            HttpResult result;
            try {
                result = transport.post(request.path(), request.body());
            } catch (IOException e) {
                long now = clock.getAsLong();
                pacer.onNoResponse(now);
                metrics.transportError(now - started);
                firstFailureAt = firstFailureAt < 0 ? now : firstFailureAt;
                checkRetryTimeout(request, firstFailureAt, now, "no response (" + e + ")");
                pause(backoff.backoff(attempt++));
                metrics.retry();
                continue;
            } finally {
                endAttempt(request);
            }
            long now = clock.getAsLong();
            int status = result.status();
            metrics.response(status, now - started);
            if (status == 429) {
                long retryAfter = RateLimitHeaders.retryAfterMillis(result, now);
                long reset = RateLimitHeaders.resetEpochSeconds(result);
                pacer.onRateLimited(now, retryAfter, reset);
                log.debug("429 from {}: retry after {} ms, reset {}", request.path(), retryAfter, reset);
                continue; // not a failure: the pacer waits; the retry timeout does not run
            }
            pacer.onResponse(now, RateLimitHeaders.limit(result), RateLimitHeaders.remaining(result),
                    RateLimitHeaders.resetEpochSeconds(result));
            if (status >= 500) {
                firstFailureAt = firstFailureAt < 0 ? now : firstFailureAt;
                checkRetryTimeout(request, firstFailureAt, now, "HTTP " + status + " " + brazeMessage(result));
                pause(backoff.backoff(attempt++));
                metrics.retry();
                continue;
            }
            return new Sent(request, result);
        }
    }

    private void awaitTurn(long ticket) throws InterruptedException {
        lock.lock();
        try {
            while (servingTicket < ticket) {
                if (!running()) {
                    throw new InterruptedException("stopping");
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void endTurn() {
        lock.lock();
        try {
            servingTicket++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What was really sent (revoked records stripped) and Braze's answer. */
    private record Sent(BrazeRequest request, HttpResult result) {
    }

    /** Strips revoked partitions' records, then marks the rest's partitions as being sent; null when none is left. */
    private BrazeRequest beginAttempt(BrazeRequest request) {
        lock.lock();
        try {
            BrazeRequest kept = revoked.isEmpty() ? request : request.without(revoked);
            if (kept != null) {
                for (TopicPartition partition : partitionsOf(kept)) {
                    sending.merge(partition, 1, Integer::sum);
                }
            }
            return kept;
        } finally {
            lock.unlock();
        }
    }

    private void endAttempt(BrazeRequest request) {
        lock.lock();
        try {
            for (TopicPartition partition : partitionsOf(request)) {
                sending.computeIfPresent(partition, (p, n) -> n == 1 ? null : n - 1);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Set<TopicPartition> partitionsOf(BrazeRequest request) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (PendingRecord record : request.records()) {
            partitions.add(record.partition());
        }
        return partitions;
    }

    private void countRequest(BrazeRequest request) {
        if (request instanceof TrackRequest track) {
            metrics.trackRequest(track.attributes().size(), track.events().size(), track.purchases().size());
        } else if (request instanceof DeleteRequest delete) {
            metrics.deleteRequest(delete.objectCount());
        } else {
            metrics.subscriptionRequest(request.objectCount());
        }
    }

    private void checkRetryTimeout(BrazeRequest request, long firstFailureAt, long now, String lastError) {
        if (now - firstFailureAt >= retryTimeoutMillis) {
            throw new ConnectException("Braze at " + transport.describeTarget() + request.path() + " kept failing for "
                    + (now - firstFailureAt) + " ms (" + BrazeSinkConfig.RETRY_TIMEOUT_MS + "=" + retryTimeoutMillis
                    + "); last error: " + lastError + ". Undelivered records stay uncommitted and are retried "
                    + "after the task restarts.");
        }
    }

    private void awaitPermit(RequestPacer pacer) throws InterruptedException {
        long wait;
        while ((wait = pacer.tryAcquire(clock.getAsLong())) > 0) {
            metrics.throttled(wait);
            pause(wait);
        }
    }

    /** Sleeps on the stop latch, so stop() ends every wait at once. */
    private void pause(long millis) throws InterruptedException {
        if (stopping.await(millis, TimeUnit.MILLISECONDS) || failure.get() != null) {
            throw new InterruptedException("stopping");
        }
    }

    private ConnectException fatal(BrazeRequest request, HttpResult result) {
        String target = transport.describeTarget();
        String what = switch (result.status()) {
            case 401 -> "Braze rejected the API key (401 Unauthorized) at " + target + ": the key in "
                    + BrazeSinkConfig.API_KEY + " is wrong or revoked, or the workspace lives on another REST instance "
                    + "(set " + BrazeSinkConfig.REST_URL + " to your workspace's instance, e.g. https://rest.iad-01.braze.com)";
            case 403 -> "Braze refused " + request.path() + " (403 Forbidden) at " + target + ": the API key lacks the "
                    + switch (request.endpoint()) {
                        case TRACK -> "users.track";
                        case SUBSCRIPTION -> "subscription.status.set";
                        case USER_DELETE -> "users.delete";
                    }
                    + " permission, or the plan does not include this endpoint; grant it in Braze's API key settings";
            case 404 -> "Braze answered 404 Not Found for " + target + request.path() + ": "
                    + BrazeSinkConfig.REST_URL + " must be the base URL of the REST instance, with no path";
            default -> "Braze answered " + result.status() + " to " + target + request.path()
                    + " (all 4xx but 429 are fatal per Braze)";
        };
        return new ConnectException(what + ". Braze said: " + brazeMessage(result));
    }

    private static JsonNode parse(HttpResult result) {
        try {
            return result.body().length == 0 ? null : Json.MAPPER.readTree(result.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String brazeMessage(HttpResult result) {
        JsonNode body = parse(result);
        if (body != null && body.hasNonNull("message")) {
            return truncate(body.get("message").asText());
        }
        return truncate(result.bodyText());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
