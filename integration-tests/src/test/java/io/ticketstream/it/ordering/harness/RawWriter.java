package io.ticketstream.it.ordering.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.it.ordering.world.RawTopics;

/**
 * Writes a world's records to the raw topics as the connectors' producers would: Kafka's default partitioner on the
 * record key, {@code acks=all}, one request in flight per connection (Connect's source-task producer settings), so
 * each partition gets its records in the connector's order. Across partitions the order is what the scenario makes
 * it: a random interleaving for a backlog, the commit-time schedule with hold-backs for a live run.
 */
public final class RawWriter implements AutoCloseable {

    /** What a live write measured: how late, after its commit, the latest record reached Kafka. */
    public record LiveStats(long records, long maxLatenessMs, String latest) {
    }

    private final KafkaProducer<String, String> producer;
    private final int partitions;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();

    public RawWriter(String bootstrapServers, int partitions) {
        this.partitions = partitions;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * Everything at once, in a random interleaving of the partitions (each partition's records keep their order),
     * acknowledged before returning.
     */
    public void backlog(List<Delivery> deliveries, SplittableRandom random) {
        Map<String, Deque<Delivery>> queues = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            queues.computeIfAbsent(delivery.topic() + "/" + partitionOf(delivery), k -> new ArrayDeque<>()).add(delivery);
        }
        List<Deque<Delivery>> open = new ArrayList<>(queues.values());
        while (!open.isEmpty()) {
            int i = random.nextInt(open.size());
            send(open.get(i).poll(), null);
            if (open.get(i).isEmpty()) {
                open.remove(i);
            }
        }
        flush();
    }

    /**
     * Each record at its release time on the wall clock (its emission time, later when a hold-back holds it), in
     * release order; returns once all are acknowledged. The waits between records are the scenario itself: the
     * records must reach Kafka when their source commits them, not before.
     */
    public LiveStats live(List<Delivery> deliveries, HoldBacks holdBacks) throws InterruptedException {
        record Scheduled(Delivery delivery, long releaseAt, int index) {
        }
        List<Scheduled> schedule = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            schedule.add(new Scheduled(d, holdBacks.releaseAt(d.topic(), partitionOf(d), d.emittedAt()), i));
        }
        schedule.sort(Comparator.comparingLong(Scheduled::releaseAt).thenComparingInt(Scheduled::index));
        AtomicLong maxLateness = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<String> latest = new AtomicReference<>("");
        for (Scheduled s : schedule) {
            long wait = s.releaseAt() - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait); // wall-clock pacing is what a live run is: see the method's comment
            }
            Delivery d = s.delivery();
            send(d, () -> {
                // The tolerance rule is about rows: a replay is late by nature (an old envelope delivered again), and
                // a SQL Server END marker is written only when the next transaction shows up.
                if (d.kind() == Delivery.Kind.ORIGINAL || d.kind() == Delivery.Kind.REDELIVERY) {
                    long lateness = System.currentTimeMillis() - d.commitTs();
                    if (lateness > maxLateness.getAndAccumulate(lateness, Math::max)) {
                        latest.set(d.topic() + " " + d.event().key() + " committed at " + d.commitTs());
                    }
                }
            });
        }
        flush();
        return new LiveStats(schedule.size(), maxLateness.get(), latest.get());
    }

    /** Records handed to the producer so far (for scenarios that act at some point of a live write). */
    public long sent() {
        return sent.get();
    }

    private int partitionOf(Delivery delivery) {
        return RawTopics.partitionOf(delivery.topic(), delivery.event().key(), partitions);
    }

    private void send(Delivery delivery, Runnable acknowledged) {
        sent.incrementAndGet();
        producer.send(new ProducerRecord<>(delivery.topic(), delivery.event().key(), delivery.event().value()), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else if (acknowledged != null) {
                acknowledged.run();
            }
        });
    }

    private void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("writing the raw topics failed", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
