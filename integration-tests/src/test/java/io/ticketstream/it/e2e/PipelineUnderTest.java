package io.ticketstream.it.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.test.TestUtils;

import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.catalog.TopicSettings;
import io.ticketstream.streams.StreamsLifecycle;
import io.ticketstream.streams.TicketstreamApp;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.standin.cdc.AuroraCatalog;
import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginPath;
import io.ticketstream.standin.postgres.PostgresLauncher;

/**
 * Every real part of the pipeline, in-process where it can be, started in dependency order and stopped in reverse:
 * PostgreSQL 15 (wal_level=logical, the Aurora catalogue's stand-in, real Debezium capture), the Braze SIMULATOR
 * (stand-in for Braze's REST API), one KRaft broker plus one distributed Connect worker (Kafka's
 * EmbeddedConnectCluster) with the packaged plugins on plugin.path, and the streams app as its main class runs it.
 *
 * <p>Connectors are NOT deployed here: the test deploys the shipped JSON with the ops CLI, as the platform team does.
 * The streams app starts only on {@link #startStreamsApp()}, once Debezium's snapshot created its topics (it refuses
 * to start on missing source topics, and the Aurora topics are created by the connector's own topic.creation).
 *
 * <p>Secrets come from the environment Maven gives the test JVM (obviously fake values, see the pom), exactly as the
 * worker's {@code ${env:...}} config provider reads them: the Debezium login and the Braze key are the same values
 * the shipped JSON resolves to.
 */
final class PipelineUnderTest implements AutoCloseable {

    static final String CDC_USER = "debezium_cdc";
    static final String CATALOG_DB = "catalog";
    /** The Snowflake stand-in: the database the landing connector writes and the warehouse model is applied to. */
    static final String WAREHOUSE_DB = "warehouse";
    static final String WAREHOUSE_USER = "warehouse";
    static final String STREAMS_APP_ID = "ticketstream-e2e";
    static final String BRAZE_DLQ = "ticketing.braze.dlq";
    static final String CONNECT_CONFIG_TOPIC = "e2e-connect-configs";
    /** signal.kafka.topic of the shipped aurora-catalog JSON: provisioned by the platform, read by Debezium. */
    static final String SIGNAL_TOPIC = "aurora.signals";
    /** Topics the SQL Server and MongoDB connectors would create in production (their topic.creation settings). */
    static final List<String> STAND_IN_RAW_TOPICS = List.of("sqlserver.ticketing.dbo.orders",
            "sqlserver.ticketing.dbo.tickets", "sqlserver.ticketing.dbo.payments", "mongo.crm.customers");
    static final int PARTITIONS = 3;

    private final List<AutoCloseable> stops = new ArrayList<>();
    private AppConfig appConfig;
    private final String cdcPassword = requiredEnv("AURORA_CDC_PASSWORD");
    private final String brazeApiKey = requiredEnv("BRAZE_API_KEY");
    private final String warehousePassword = requiredEnv("WAREHOUSE_PASSWORD");
    private final Path workDir;
    private PostgresLauncher postgres;
    private BrazeSimulator braze;
    private EmbeddedConnectCluster connect;
    private StreamsLifecycle streams;

    PipelineUnderTest(Path workDir) {
        this.workDir = workDir;
    }

    PipelineUnderTest start(String catalogueRowsSql) throws Exception {
        postgres = PostgresLauncher.startTemporary();
        stops.add(postgres);
        postgres.createUser(CDC_USER, cdcPassword, true);
        postgres.createDatabase(CATALOG_DB, CDC_USER);
        postgres.createUser(WAREHOUSE_USER, warehousePassword, false);
        postgres.createDatabase(WAREHOUSE_DB, WAREHOUSE_USER);
        Path root = PluginPath.projectRoot();
        executeAsCdcUser(AuroraCatalog.ddl());
        executeAsCdcUser(Files.readString(root.resolve("connectors/sql/aurora-catalog-cdc.sql")));
        executeAsCdcUser(catalogueRowsSql);

        braze = BrazeSimulator.builder()
                .apiKeys(Set.of(brazeApiKey))
                .permissions(brazeApiKey, BrazeSimulator.PERMISSION_USERS_TRACK, BrazeSimulator.PERMISSION_SUBSCRIPTION_STATUS_SET)
                .build().start();
        stops.add(braze);

        Map<String, String> workerProps = ConnectClusters.workerProps(PluginPath.assembledWith(
                "debezium-connector-postgres", "debezium-connector-jdbc", "connect-braze-sink", "connect-smt"));
        workerProps.put("config.storage.topic", CONNECT_CONFIG_TOPIC);
        // One broker: the exactly-once streams app needs a transaction log it can replicate (default factor 3).
        Properties brokerProps = new Properties();
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        brokerProps.put("group.initial.rebalance.delay.ms", "0");
        connect = ConnectClusters.builder("e2e", PluginPath.assembled()).workerProps(workerProps).brokerProps(brokerProps).build();
        connect.start();
        stops.add(connect::stop);
        createPlatformTopics();
        return this;
    }

    /**
     * What the platform provisions before anything runs: the canonical topics, the dead-letter topics, Debezium's
     * Kafka signal topic and (standing in for the SQL Server and MongoDB connectors, absent here) their raw topics,
     * never compacted, like their topic.creation makes them; every topic with the project's TopicSettings.
     */
    private void createPlatformTopics() throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String raw : STAND_IN_RAW_TOPICS) {
            topics.add(new NewTopic(raw, PARTITIONS, (short) 1).configs(TopicSettings.RAW));
        }
        for (String canonical : List.of(CanonicalTopics.CUSTOMER, CanonicalTopics.CUSTOMER_CHANGE, CanonicalTopics.PERFORMANCE,
                CanonicalTopics.ORDER, CanonicalTopics.TICKET_SALE)) {
            topics.add(new NewTopic(canonical, PARTITIONS, (short) 1).configs(TopicSettings.canonical(canonical)));
        }
        topics.add(new NewTopic(CanonicalTopics.STREAMS_DLQ, 1, (short) 1).configs(TopicSettings.CANONICAL_LOG));
        topics.add(new NewTopic(BRAZE_DLQ, 1, (short) 1).configs(TopicSettings.CANONICAL_LOG));
        topics.add(new NewTopic(SIGNAL_TOPIC, 1, (short) 1));
        try (Admin admin = connect.kafka().createAdminClient()) {
            admin.createTopics(topics).all().get();
        }
    }

    /**
     * Runs the streams app from a properties file, as {@code java -jar streams-app.jar --config FILE} does, environment
     * overrides included (e.g. {@code TICKETSTREAM_COMPLETENESS_TOLERANCE_MS=250} for a latency sweep).
     */
    void startStreamsApp() throws Exception {
        Path stateDir = Files.createDirectories(workDir.resolve("streams-state"));
        Path config = Files.writeString(workDir.resolve("streams-app.properties"), String.join("\n",
                "application.id=" + STREAMS_APP_ID,
                "bootstrap.servers=" + bootstrapServers(),
                "state.dir=" + stateDir,
                "replication.factor=1",
                ""), StandardCharsets.UTF_8);
        appConfig = AppConfig.load(config, System.getenv());
        streams = TicketstreamApp.start(appConfig, TicketstreamApp.buildTopology(appConfig));
        stops.add(streams::close);
        TestUtils.waitForCondition(() -> streams.state() == KafkaStreams.State.RUNNING, Duration.ofMinutes(3).toMillis(),
                () -> "streams app not RUNNING, state " + streams.state());
    }

    /** The streams app's effective configuration (after {@link #startStreamsApp}). */
    AppConfig streamsConfig() {
        return appConfig;
    }

    KafkaStreams.State streamsState() {
        return streams == null ? null : streams.state();
    }

    void executeAsCdcUser(String sql) throws SQLException {
        try (Connection owner = catalogConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A connection as the catalogue's owner, the application account whose commits Debezium captures. */
    Connection catalogConnection() throws SQLException {
        return postgres.connect(CATALOG_DB, CDC_USER, cdcPassword);
    }

    /** A connection to the warehouse as its owner (the login the landing connector writes as). */
    Connection warehouseConnection() throws SQLException {
        return postgres.connect(WAREHOUSE_DB, WAREHOUSE_USER, warehousePassword);
    }

    String warehouseUrl() {
        return postgres.jdbcUrl(WAREHOUSE_DB);
    }

    int postgresPort() {
        return postgres.port();
    }

    BrazeSimulator braze() {
        return braze;
    }

    String brazeApiKey() {
        return brazeApiKey;
    }

    EmbeddedConnectCluster connect() {
        return connect;
    }

    String connectUrl() {
        return connect.endpointForResource("").replaceAll("/+$", "");
    }

    String bootstrapServers() {
        return connect.kafka().bootstrapServers();
    }

    static Path projectRoot() {
        return PluginPath.projectRoot();
    }

    private static String requiredEnv(String name) {
        return Objects.requireNonNull(System.getenv(name), () -> "environment variable " + name
                + " is not set: run this test through Maven (integration-tests/pom.xml sets the test-only values)");
    }

    /** Stops the streams app, Connect and the broker, the simulator, then PostgreSQL; every step runs. */
    @Override
    public void close() {
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping a part of the pipeline failed: " + e);
            }
        }
        stops.clear();
    }
}
