package io.ticketstream.streams.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

import io.ticketstream.streams.dlq.DeadLetterQueue;
import io.ticketstream.streams.join.JoinSettings;
import io.ticketstream.streams.normalize.MappingCatalog;

/**
 * The application's configuration: a properties file, overridden by environment variables
 * ({@link EnvOverrides}: {@code TICKETSTREAM_X_Y -> x.y}, {@code KAFKA_X_Y -> x.y}).
 *
 * <p>The keys defined here belong to ticketstream (topics, mappings, grace period, RocksDB memory). Every
 * other key passes through unchanged to Kafka Streams and its clients ({@link #streamsProperties()}), so
 * {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*},
 * {@code num.stream.threads}, {@code state.dir}... are set exactly as Kafka documents them.
 */
public class AppConfig extends AbstractConfig {

    private static final String GROUP_TOPICS = "Topics";

    public static final String RAW_TOPIC_PREFIX = "topic.raw.";
    /** Mapping name to its default raw CDC topic. */
    public static final Map<String, String> RAW_TOPIC_DEFAULTS;

    static {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("orders", "sqlserver.ticketing.dbo.orders");
        raw.put("tickets", "sqlserver.ticketing.dbo.tickets");
        raw.put("payments", "sqlserver.ticketing.dbo.payments");
        raw.put("customers", "mongo.crm.customers");
        raw.put("attractions", "aurora.catalog.attractions");
        raw.put("venues", "aurora.catalog.venues");
        raw.put("performances", "aurora.catalog.performances");
        RAW_TOPIC_DEFAULTS = Collections.unmodifiableMap(raw);
    }

    public static final String CUSTOMER_TOPIC = "topic.customer";
    public static final String CUSTOMER_TOPIC_DOC = "Canonical Customer topic (Avro), keyed by customer_ref.";
    public static final String CUSTOMER_TOPIC_DEFAULT = "ticketing.customer.v1";

    public static final String PERFORMANCE_TOPIC = "topic.performance";
    public static final String PERFORMANCE_TOPIC_DOC = "Canonical Performance topic (Avro), keyed by performance_id.";
    public static final String PERFORMANCE_TOPIC_DEFAULT = "ticketing.performance.v1";

    public static final String ORDER_TOPIC = "topic.order";
    public static final String ORDER_TOPIC_DOC = "Canonical Order topic (Avro), keyed by order_id.";
    public static final String ORDER_TOPIC_DEFAULT = "ticketing.order.v1";

    public static final String TICKET_SALE_TOPIC = "topic.ticket.sale";
    public static final String TICKET_SALE_TOPIC_DOC = "Canonical TicketSale fact topic (Avro), keyed by order_id.";
    public static final String TICKET_SALE_TOPIC_DEFAULT = "ticketing.ticket-sale.v1";

    public static final String CUSTOMER_CHANGE_TOPIC = "topic.customer.change";
    public static final String CUSTOMER_CHANGE_TOPIC_DOC = "Canonical CustomerChange topic (Avro): only the attributes that changed.";
    public static final String CUSTOMER_CHANGE_TOPIC_DEFAULT = "ticketing.customer-change.v1";

    public static final String DLQ_TOPIC = "topic.dlq";
    public static final String DLQ_TOPIC_DOC = "Dead-letter topic for malformed input (raw bytes plus error headers); "
            + "sets Kafka Streams' errors.dead.letter.queue.topic.name.";
    public static final String DLQ_TOPIC_DEFAULT = "ticketing.streams.dlq";

    public static final String MAPPINGS_DIR = "mappings.dir";
    public static final String MAPPINGS_DIR_DOC = "Folder of mapping files (*.yaml); empty uses the mappings built into the jar.";
    public static final String MAPPINGS_DIR_DEFAULT = "";

    private static final String GROUP_JOINS = "Joins: when a fact is complete";

    public static final String SALE_GRACE_MS = "sale.grace.ms";
    public static final String SALE_GRACE_MS_DOC = "When no version of a fact's customer or performance was in force at "
            + "the fact's commit time, the fact waits until that dimension's own progress passes commit time + this "
            + "grace; the first version committed within the grace is then used (the databases' clocks disagree), else the "
            + "fact is emitted with customer_known/performance_known=false.";
    public static final long SALE_GRACE_MS_DEFAULT = 30_000L;

    public static final String COMPLETENESS_TOLERANCE_MS = "completeness.tolerance.ms";
    public static final String COMPLETENESS_TOLERANCE_MS_DOC = "Arrival-skew tolerance: a row or dimension version "
            + "committed at or before a fact's commit time T is taken into the fact if it reaches Kafka by T + this "
            + "tolerance (the app's wall clock against the source's commit clock). In live operation a fact waits up "
            + "to this long unless every input it depends on already shows progress past T: the latency it costs.";
    public static final long COMPLETENESS_TOLERANCE_MS_DEFAULT = 250L;

    public static final String COMPLETENESS_IDLE_MS = "completeness.idle.ms";
    public static final String COMPLETENESS_IDLE_MS_DOC = "A live task (its newest commit less than a minute old) that "
            + "processed nothing for this long is taken as caught up with its raw partitions (its quiet partitions then "
            + "stop holding facts back).";
    public static final long COMPLETENESS_IDLE_MS_DEFAULT = 250L;

    public static final String COMPLETENESS_IDLE_BACKLOG_MS = "completeness.idle.backlog.ms";
    public static final String COMPLETENESS_IDLE_BACKLOG_MS_DOC = "A task that is not live (it never processed a row, or "
            + "its newest commit is more than a minute old: a backlog) is taken as caught up only after this long without "
            + "rows: start-up, restoring stores and fetches of a backlog pause a task too, and must not pass for the end of "
            + "its input. The latency it costs: the last facts of a backlog leave this long after it is consumed.";
    public static final long COMPLETENESS_IDLE_BACKLOG_MS_DEFAULT = 10_000L;

    public static final String COMPLETENESS_MAX_WAIT_MS = "completeness.max.wait.ms";
    public static final String COMPLETENESS_MAX_WAIT_MS_DOC = "Wall-clock bound: no fact waits longer than this for "
            + "its inputs (an upstream task down or far behind); it is then emitted with what is known, logged at WARN "
            + "and counted in facts-overdue-total.";
    public static final long COMPLETENESS_MAX_WAIT_MS_DEFAULT = 300_000L;

    public static final String WATERMARK_INTERVAL_MS = "watermark.interval.ms";
    public static final String WATERMARK_INTERVAL_MS_DOC = "How often the customer and catalogue joins report their "
            + "progress to the joins that wait for them, and how often waiting facts are re-checked.";
    public static final long WATERMARK_INTERVAL_MS_DEFAULT = 100L;

    public static final String DIMENSION_HISTORY_MS = "dimension.history.ms";
    public static final String DIMENSION_HISTORY_MS_DOC = "How far back (commit time) the versions of customers and "
            + "catalogue rows are kept for as-of lookups: at least the age of the oldest change a replay may feed.";
    public static final long DIMENSION_HISTORY_MS_DEFAULT = Duration.ofDays(400).toMillis();

    public static final String ROCKSDB_CACHE_BYTES = "rocksdb.cache.bytes";
    public static final String ROCKSDB_CACHE_BYTES_DOC = "Off-heap bytes for ALL RocksDB state stores of the process: one "
            + "shared LRU block cache (data, index and filter blocks) that memtables are charged to.";
    public static final long ROCKSDB_CACHE_BYTES_DEFAULT = 128L * 1024 * 1024;

    public static final String ROCKSDB_WRITE_BUFFER_BYTES = "rocksdb.write.buffer.bytes";
    public static final String ROCKSDB_WRITE_BUFFER_BYTES_DOC = "Part of rocksdb.cache.bytes that memtables of all "
            + "stores may use together (RocksDB WriteBufferManager).";
    public static final long ROCKSDB_WRITE_BUFFER_BYTES_DEFAULT = 32L * 1024 * 1024;

    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
    public static final String SHUTDOWN_TIMEOUT_MS_DOC = "How long a SIGTERM waits for Kafka Streams to close cleanly.";
    public static final long SHUTDOWN_TIMEOUT_MS_DEFAULT = 30_000L;

    /** Streams defaults this application relies on; the file or the environment may override them. */
    public static final Map<String, String> STREAMS_DEFAULTS = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, "ticketstream",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class.getName());

    public static final ConfigDef CONFIG_DEF = configDef();

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        for (Map.Entry<String, String> raw : RAW_TOPIC_DEFAULTS.entrySet()) {
            def.define(RAW_TOPIC_PREFIX + raw.getKey(), Type.STRING, raw.getValue(), new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Raw Debezium topic read by mapping '" + raw.getKey() + "'.", GROUP_TOPICS, ++order,
                    ConfigDef.Width.LONG, RAW_TOPIC_PREFIX + raw.getKey());
        }
        def.define(CUSTOMER_TOPIC, Type.STRING, CUSTOMER_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        CUSTOMER_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, CUSTOMER_TOPIC)
                .define(PERFORMANCE_TOPIC, Type.STRING, PERFORMANCE_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        PERFORMANCE_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, PERFORMANCE_TOPIC)
                .define(ORDER_TOPIC, Type.STRING, ORDER_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        ORDER_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, ORDER_TOPIC)
                .define(TICKET_SALE_TOPIC, Type.STRING, TICKET_SALE_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        TICKET_SALE_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, TICKET_SALE_TOPIC)
                .define(CUSTOMER_CHANGE_TOPIC, Type.STRING, CUSTOMER_CHANGE_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, CUSTOMER_CHANGE_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, CUSTOMER_CHANGE_TOPIC)
                .define(DLQ_TOPIC, Type.STRING, DLQ_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        DLQ_TOPIC_DOC, GROUP_TOPICS, ++order, ConfigDef.Width.LONG, DLQ_TOPIC)
                .define(MAPPINGS_DIR, Type.STRING, MAPPINGS_DIR_DEFAULT, Importance.MEDIUM, MAPPINGS_DIR_DOC)
                .define(SALE_GRACE_MS, Type.LONG, SALE_GRACE_MS_DEFAULT, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                        SALE_GRACE_MS_DOC, GROUP_JOINS, 1, ConfigDef.Width.SHORT, SALE_GRACE_MS)
                .define(COMPLETENESS_TOLERANCE_MS, Type.LONG, COMPLETENESS_TOLERANCE_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                        Importance.MEDIUM, COMPLETENESS_TOLERANCE_MS_DOC, GROUP_JOINS, 2, ConfigDef.Width.SHORT,
                        COMPLETENESS_TOLERANCE_MS)
                .define(COMPLETENESS_IDLE_MS, Type.LONG, COMPLETENESS_IDLE_MS_DEFAULT, ConfigDef.Range.atLeast(10),
                        Importance.LOW, COMPLETENESS_IDLE_MS_DOC, GROUP_JOINS, 3, ConfigDef.Width.SHORT, COMPLETENESS_IDLE_MS)
                .define(COMPLETENESS_IDLE_BACKLOG_MS, Type.LONG, COMPLETENESS_IDLE_BACKLOG_MS_DEFAULT,
                        ConfigDef.Range.atLeast(10), Importance.LOW, COMPLETENESS_IDLE_BACKLOG_MS_DOC, GROUP_JOINS, 4,
                        ConfigDef.Width.SHORT, COMPLETENESS_IDLE_BACKLOG_MS)
                .define(COMPLETENESS_MAX_WAIT_MS, Type.LONG, COMPLETENESS_MAX_WAIT_MS_DEFAULT, ConfigDef.Range.atLeast(1000),
                        Importance.MEDIUM, COMPLETENESS_MAX_WAIT_MS_DOC, GROUP_JOINS, 5, ConfigDef.Width.SHORT,
                        COMPLETENESS_MAX_WAIT_MS)
                .define(WATERMARK_INTERVAL_MS, Type.LONG, WATERMARK_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(10),
                        Importance.LOW, WATERMARK_INTERVAL_MS_DOC, GROUP_JOINS, 6, ConfigDef.Width.SHORT, WATERMARK_INTERVAL_MS)
                .define(DIMENSION_HISTORY_MS, Type.LONG, DIMENSION_HISTORY_MS_DEFAULT,
                        ConfigDef.Range.atLeast(Duration.ofDays(1).toMillis()), Importance.LOW, DIMENSION_HISTORY_MS_DOC,
                        GROUP_JOINS, 7, ConfigDef.Width.SHORT, DIMENSION_HISTORY_MS)
                .define(ROCKSDB_CACHE_BYTES, Type.LONG, ROCKSDB_CACHE_BYTES_DEFAULT, ConfigDef.Range.atLeast(1024 * 1024),
                        Importance.MEDIUM, ROCKSDB_CACHE_BYTES_DOC)
                .define(ROCKSDB_WRITE_BUFFER_BYTES, Type.LONG, ROCKSDB_WRITE_BUFFER_BYTES_DEFAULT, ConfigDef.Range.atLeast(1024 * 1024),
                        Importance.MEDIUM, ROCKSDB_WRITE_BUFFER_BYTES_DOC)
                .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, SHUTDOWN_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(0), Importance.LOW,
                        SHUTDOWN_TIMEOUT_MS_DOC);
        return def;
    }

    /** Canonical entity name (as in {@link #canonicalTopic}) to its key. */
    private static final Map<String, String> CANONICAL = Map.of(
            "customer", CUSTOMER_TOPIC, "performance", PERFORMANCE_TOPIC, "order", ORDER_TOPIC,
            "ticket-sale", TICKET_SALE_TOPIC, "customer-change", CUSTOMER_CHANGE_TOPIC);

    public AppConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
        if (getLong(ROCKSDB_WRITE_BUFFER_BYTES) > getLong(ROCKSDB_CACHE_BYTES)) {
            throw new ConfigException(ROCKSDB_WRITE_BUFFER_BYTES, getLong(ROCKSDB_WRITE_BUFFER_BYTES),
                    "must not exceed " + ROCKSDB_CACHE_BYTES + " (" + getLong(ROCKSDB_CACHE_BYTES) + "): memtables are charged to the cache");
        }
        Object taskIdle = originals().get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG);
        if (taskIdle != null && Long.parseLong(taskIdle.toString().trim()) < 0) {
            throw new ConfigException(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, taskIdle, "must be >= 0: the order join relies "
                    + "on Kafka Streams handing over orders, tickets and payments in timestamp order");
        }
        Object dlqOverride = originals().get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (dlqOverride != null && !dlqOverride.toString().equals(dlqTopic())) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqOverride,
                    "set the dead-letter topic with " + DLQ_TOPIC + " (now '" + dlqTopic() + "'), not both");
        }
    }

    /** Reads {@code file} (Java properties) and applies {@code env} overrides on top. */
    public static AppConfig load(Path file, Map<String, String> env) {
        Properties fileProps = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fileProps.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, Object> merged = new HashMap<>();
        fileProps.stringPropertyNames().forEach(k -> merged.put(k, fileProps.getProperty(k).trim()));
        merged.putAll(EnvOverrides.from(env));
        return new AppConfig(merged);
    }

    /** Mapping name to raw topic: the seven built-in mappings plus any extra {@code topic.raw.<mapping>} key. */
    public Map<String, String> rawTopics() {
        Map<String, String> out = new LinkedHashMap<>();
        RAW_TOPIC_DEFAULTS.keySet().forEach(name -> out.put(name, getString(RAW_TOPIC_PREFIX + name)));
        originalsWithPrefix(RAW_TOPIC_PREFIX).forEach((name, topic) -> out.putIfAbsent(name, topic.toString()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * @param entity {@code customer}, {@code performance}, {@code order}, {@code ticket-sale} or {@code customer-change}
     */
    public String canonicalTopic(String entity) {
        String key = CANONICAL.get(entity);
        if (key == null) {
            throw new IllegalArgumentException("unknown canonical entity '" + entity + "' (known: " + CANONICAL.keySet() + ")");
        }
        return getString(key);
    }

    public String customerTopic() { return getString(CUSTOMER_TOPIC); }

    public String performanceTopic() { return getString(PERFORMANCE_TOPIC); }

    public String orderTopic() { return getString(ORDER_TOPIC); }

    public String ticketSaleTopic() { return getString(TICKET_SALE_TOPIC); }

    public String customerChangeTopic() { return getString(CUSTOMER_CHANGE_TOPIC); }

    public String dlqTopic() { return getString(DLQ_TOPIC); }

    public Duration saleGrace() { return Duration.ofMillis(getLong(SALE_GRACE_MS)); }

    /** How the joins decide that a fact is complete. */
    public JoinSettings joinSettings() {
        return new JoinSettings(saleGrace(), Duration.ofMillis(getLong(COMPLETENESS_TOLERANCE_MS)),
                Duration.ofMillis(getLong(COMPLETENESS_IDLE_MS)), Duration.ofMillis(getLong(COMPLETENESS_IDLE_BACKLOG_MS)),
                Duration.ofMillis(getLong(WATERMARK_INTERVAL_MS)),
                Duration.ofMillis(getLong(COMPLETENESS_MAX_WAIT_MS)), Duration.ofMillis(getLong(DIMENSION_HISTORY_MS)));
    }

    public Duration shutdownTimeout() { return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS)); }

    /** The mapping catalog this configuration names: {@value #MAPPINGS_DIR}, or the built-in mappings. */
    public MappingCatalog mappings() {
        String dir = getString(MAPPINGS_DIR);
        return dir.isBlank() ? MappingCatalog.loadDefault() : MappingCatalog.load(Path.of(dir));
    }

    /**
     * Everything Kafka Streams needs: {@link #STREAMS_DEFAULTS}, every key not defined here (passed
     * through as given, including client security settings), the dead-letter queue settings and the
     * RocksDB memory bounds read by {@link BoundedMemoryRocksDBConfig}.
     */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(STREAMS_DEFAULTS);
        Set<String> own = CONFIG_DEF.names();
        originals().forEach((k, v) -> {
            if (!own.contains(k) && !k.startsWith(RAW_TOPIC_PREFIX)) {
                props.put(k, v);
            }
        });
        DeadLetterQueue.streamsConfig(dlqTopic()).forEach(props::putIfAbsent);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic());
        props.put(ROCKSDB_CACHE_BYTES, getLong(ROCKSDB_CACHE_BYTES));
        props.put(ROCKSDB_WRITE_BUFFER_BYTES, getLong(ROCKSDB_WRITE_BUFFER_BYTES));
        return props;
    }

    /** Effective configuration, ours and Streams', sorted, secrets masked: for the start-up log. */
    public Map<String, String> describe() {
        Map<String, Object> all = new HashMap<>();
        CONFIG_DEF.names().forEach(k -> all.put(k, values().get(k)));
        rawTopics().forEach((name, topic) -> all.put(RAW_TOPIC_PREFIX + name, topic));
        streamsProperties().forEach((k, v) -> all.put(k.toString(), v));
        return SecretMasker.mask(all);
    }
}
