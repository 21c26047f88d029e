package io.ticketstream.local;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.ticketstream.local.traffic.TrafficGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link TrafficGenerator} at a fixed rate of check-outs per second. Its SIMULATED SQL Server and MongoDB
 * change events go to the raw topics through a Kafka producer (standing in for those two Debezium connectors);
 * its catalogue changes are real SQL in PostgreSQL, which Debezium captures.
 */
public final class TrafficLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrafficLoop.class);

    private final KafkaProducer<String, String> producer;
    private final Connection catalog;
    private final TrafficGenerator generator;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "traffic-generator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong failedSends = new AtomicLong();

    public TrafficLoop(String bootstrapServers, Connection catalog, long seed) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.CLIENT_ID_CONFIG, "ticketstream-local-traffic (simulated sqlserver+mongodb connectors)"),
                new StringSerializer(), new StringSerializer());
        this.catalog = catalog;
        this.generator = new TrafficGenerator(event -> producer.send(
                new ProducerRecord<>(event.topic(), event.key(), event.value()), (metadata, error) -> {
                    if (error != null && failedSends.getAndIncrement() == 0) {
                        log.error("Simulated change event could not be written to {}", event.topic(), error);
                    }
                }), catalog, Clock.systemUTC(), seed);
    }

    public void start(double checkoutsPerSecond) throws SQLException {
        generator.prepareCatalog();
        long periodMicros = Math.max(1_000L, (long) (1_000_000 / checkoutsPerSecond));
        scheduler.scheduleAtFixedRate(this::tickSafely, 0, periodMicros, TimeUnit.MICROSECONDS);
        log.info("Traffic: {} check-outs/s; SQL Server and MongoDB change events are SIMULATED, catalogue changes are real rows",
                checkoutsPerSecond);
    }

    private void tickSafely() {
        try {
            generator.tick();
        } catch (SQLException | RuntimeException e) {
            log.warn("Traffic tick failed: {}", e.toString());
        }
    }

    public long simulatedEvents() {
        return generator.simulatedEvents();
    }

    public long catalogChanges() {
        return generator.catalogChanges();
    }

    public long failedSends() {
        return failedSends.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(10));
        try {
            catalog.close();
        } catch (SQLException e) {
            log.debug("closing the catalogue connection", e);
        }
    }
}
