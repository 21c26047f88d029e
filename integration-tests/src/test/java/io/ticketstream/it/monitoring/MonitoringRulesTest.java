package io.ticketstream.it.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ticketstream.braze.simulator.BrazeSimulator;
import io.ticketstream.ops.OpsCli;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.streams.StreamsLifecycle;
import io.ticketstream.streams.TicketstreamApp;
import io.ticketstream.streams.config.AppConfig;
import io.ticketstream.testsupport.connect.ConnectClusters;
import io.ticketstream.testsupport.connect.PluginPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/jmx/*.yml, the Prometheus JMX exporter's rules, evaluated by the exporter's own rule engine
 * ({@code io.prometheus.jmx:collector}, the version of compose's javaagent) against the MBeans that a running Braze
 * sink task (real Connect worker, packaged plugin on plugin.path, deployed with the ops CLI) and the running streams
 * app register in this JVM; the result scraped over HTTP in Prometheus' text format, as Prometheus reads it.
 *
 * <p>Proves: every numeric attribute of every MBean of the Braze sink connector and of the streams app becomes a
 * series (no MBean silently dropped for lack of a rule); connector/task and Streams client states become series; and
 * every metric the alerts and the dashboard use exists (lag metrics from the real lag exporter). The MBean names are
 * read from the running JVM, never written down here, so the test follows the sink's metrics wherever they are
 * registered (a hand-made MBean today, Connect's plugin metrics under {@code kafka.connect:type=plugins} with KIP-877).
 */
class MonitoringRulesTest {

    private static final String APP_ID = "ticketstream-monitoring";
    private static final String SINK = "braze-users";
    private static final Path ROOT = PluginPath.projectRoot();
    private static final Pattern METRIC_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{| )", Pattern.MULTILINE);

    private static EmbeddedConnectCluster connect;
    private static BrazeSimulator braze;
    private static StreamsLifecycle streams;

    @TempDir static Path work;

    @BeforeAll
    static void startSinkAndStreamsApp() throws Exception {
        String apiKey = System.getenv("BRAZE_API_KEY");
        braze = BrazeSimulator.builder().apiKeys(Set.of(apiKey))
                .permissions(apiKey, BrazeSimulator.PERMISSION_USERS_TRACK, BrazeSimulator.PERMISSION_SUBSCRIPTION_STATUS_SET)
                .build().start();
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        connect = ConnectClusters.builder("monitoring", PluginPath.assembledWith("connect-braze-sink", "connect-smt"))
                .brokerProps(broker).build();
        connect.start();
        List<NewTopic> topics = new ArrayList<>();
        AppConfig.RAW_TOPIC_DEFAULTS.values().forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
        for (String t : List.of(CanonicalTopics.CUSTOMER, CanonicalTopics.CUSTOMER_CHANGE, CanonicalTopics.PERFORMANCE,
                CanonicalTopics.ORDER, CanonicalTopics.TICKET_SALE, CanonicalTopics.STREAMS_DLQ, "ticketing.braze.dlq")) {
            topics.add(new NewTopic(t, 1, (short) 1));
        }
        try (Admin admin = connect.kafka().createAdminClient()) {
            admin.createTopics(topics).all().get();
        }

        // the shipped braze-users JSON, local overlay, deployed as the platform team does
        StringWriter out = new StringWriter();
        var cli = OpsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute("apply", ROOT.resolve("connectors/base/" + SINK + ".json").toString(), "--env", "local",
                "--set", SINK + ":braze.rest.url=" + braze.baseUri().toString().replaceAll("/+$", ""),
                "--timeout", "3m", "--connect-url", connect.endpointForResource("").replaceAll("/+$", ""));
        assertEquals(0, code, out.toString());

        Path config = Files.writeString(work.resolve("streams.properties"), String.join("\n",
                "application.id=" + APP_ID, "bootstrap.servers=" + connect.kafka().bootstrapServers(),
                "state.dir=" + Files.createDirectories(work.resolve("state")), "replication.factor=1", ""));
        AppConfig appConfig = AppConfig.load(config, Map.of());
        streams = TicketstreamApp.start(appConfig, TicketstreamApp.buildTopology(appConfig));
        TestUtils.waitForCondition(() -> streams.state() == KafkaStreams.State.RUNNING, Duration.ofMinutes(3).toMillis(),
                () -> "streams app not RUNNING: " + streams.state());
    }

    @AfterAll
    static void stop() throws Exception {
        if (streams != null) {
            streams.close();
        }
        if (connect != null) {
            connect.stop();
        }
        if (braze != null) {
            braze.close();
        }
    }

    /** The rules file served by the JMX exporter's collector over HTTP, scraped once: Prometheus' text format. */
    private static String scrape(String rulesFile, String includeObjectName) throws Exception {
        String rules = Files.readString(ROOT.resolve("docker/jmx/" + rulesFile));
        if (includeObjectName != null) {
            rules = "includeObjectNames: [\"" + includeObjectName.replace("\"", "\\\"") + "\"]\n" + rules;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        new JmxCollector(rules).register(registry);
        try (HTTPServer server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return response.body();
        }
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC_NAME.matcher(exposition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Numeric (and boolean) attributes of an MBean: what the exporter can turn into a sample. */
    private static List<String> numericAttributes(MBeanServer server, ObjectName name) throws Exception {
        List<String> numeric = new ArrayList<>();
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
            Object value;
            try {
                value = server.getAttribute(name, info.getName());
            } catch (Exception e) {
                continue;
            }
            if (value instanceof Number || value instanceof Boolean) {
                numeric.add(info.getName());
            }
        }
        return numeric;
    }

    /**
     * For each MBean, the rules (restricted to that MBean) must give at least one series per numeric attribute.
     * Returns the MBeans they do not cover, with how many attributes fell through.
     */
    private static Map<String, String> uncovered(String rulesFile, Set<ObjectName> beans) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, String> missing = new TreeMap<>();
        for (ObjectName bean : beans) {
            List<String> numeric = numericAttributes(server, bean);
            if (numeric.isEmpty()) {
                continue;
            }
            String scraped = scrape(rulesFile, bean.getCanonicalName());
            long samples = scraped.lines().filter(l -> !l.startsWith("#") && !l.isBlank()
                    && !l.startsWith("jmx_") && !l.startsWith("jvm_")).count();
            if (samples < numeric.size()) {
                missing.put(bean.toString(), samples + " series for " + numeric.size() + " numeric attributes " + numeric);
            }
        }
        return missing;
    }

    private static Set<ObjectName> beans(String pattern) throws Exception {
        return new TreeSet<>(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(pattern), null));
    }

    @Test
    void everyMBeanOfTheBrazeSinkAndTheStreamsAppReachesPrometheus() throws Exception {
        TestUtils.waitForCondition(() -> connect.connectorStatus(SINK).tasks().stream().allMatch(t -> t.state().equals("RUNNING")),
                Duration.ofMinutes(3).toMillis(), "braze-users task RUNNING");
        // every MBean that names the sink connector, in any domain: Connect's own groups and the sink's metrics
        Set<ObjectName> sinkBeans = new TreeSet<>();
        for (ObjectName name : beans("*:*")) {
            String connector = name.getKeyProperty("connector");
            if (connector != null && ObjectName.unquote(connector.startsWith("\"") ? connector : "\"" + connector + "\"").equals(SINK)) {
                sinkBeans.add(name);
            }
        }
        System.out.println("MBeans of the " + SINK + " connector:\n  " + String.join("\n  ", sinkBeans.stream().map(ObjectName::toString).toList()));
        assertTrue(sinkBeans.stream().anyMatch(n -> !n.getDomain().equals("kafka.connect")
                        || "plugins".equals(n.getKeyProperty("type"))),
                "the sink registers metrics of its own: " + sinkBeans);
        assertEquals(Map.of(), uncovered("connect.yml", sinkBeans), "MBeans of " + SINK + " with attributes no rule in docker/jmx/connect.yml exports");
        String connectScrape = scrape("connect.yml", null);
        assertTrue(connectScrape.contains("kafka_connect_task_status{connector=\"" + SINK + "\",status=\"running\",task=\"0\"} 1"), connectScrape);
        assertTrue(connectScrape.contains("kafka_connect_connector_status{connector=\"" + SINK + "\",status=\"running\"} 1"), connectScrape);

        Set<ObjectName> streamsBeans = beans("kafka.streams:*");
        assertTrue(streamsBeans.stream().anyMatch(n -> n.getKeyProperty("type").contains("ticketstream-normalize")),
                "the app's normalisation/DLQ counters are registered: " + streamsBeans);
        Map<String, String> streamsMissing = uncovered("streams.yml", streamsBeans);
        System.out.println("streams MBeans not covered:\n  " + String.join("\n  ", streamsMissing.keySet()));
        assertEquals(Map.of(), streamsMissing, "streams app MBeans no rule in docker/jmx/streams.yml exports");
        String streamsScrape = scrape("streams.yml", null);
        assertTrue(streamsScrape.matches("(?s).*kafka_streams_client_state\\{client_id=\"[^\"]+\",state=\"RUNNING\"} 1.*"), streamsScrape);
        Files.writeString(Path.of("target/monitoring-scrape.txt"), connectScrape + streamsScrape);

        // every metric the alerts and the dashboard name is served: JMX rules here, lag metrics by the real exporter
        Set<String> served = new TreeSet<>(names(connectScrape));
        served.addAll(names(streamsScrape));
        served.addAll(names(lagExporterScrape()));
        Map<String, String> unserved = new TreeMap<>();
        for (Map.Entry<String, String> used : metricsUsedByAlertsAndDashboard().entrySet()) {
            String metric = used.getKey();
            boolean found = metric.startsWith("~") ? served.stream().anyMatch(n -> n.matches(metric.substring(1))) : served.contains(metric);
            if (!found && !metric.startsWith("debezium_")) {
                unserved.put(metric, used.getValue());
            }
        }
        assertEquals(Map.of(), unserved, "metrics the alerts/dashboard use but nothing serves (scrape in integration-tests/target/monitoring-scrape.txt)");
    }

    /** Metric names in every alert expression and dashboard query; {@code ~regex} for {@code __name__=~} selectors. */
    private static Map<String, String> metricsUsedByAlertsAndDashboard() throws Exception {
        Map<String, String> used = new TreeMap<>();
        Map<String, Object> alerts = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker/prometheus/alerts.yml")));
        for (Object group : (List<?>) alerts.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> r = (Map<?, ?>) rule;
                collect(String.valueOf(r.get("expr")), "alert " + r.get("alert"), used);
            }
        }
        var dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ROOT.resolve("docker/grafana/dashboards/consumer-lag.json").toFile());
        for (var panel : dashboard.path("panels")) {
            for (var target : panel.path("targets")) {
                collect(target.path("expr").asText(), "panel " + panel.path("title").asText(), used);
            }
        }
        assertTrue(used.size() > 10, "expressions were read: " + used);
        return used;
    }

    private static void collect(String expr, String where, Map<String, String> used) {
        Matcher regex = Pattern.compile("__name__=~\"([^\"]+)\"").matcher(expr);
        while (regex.find()) {
            used.put("~" + regex.group(1), where);
        }
        Matcher names = Pattern.compile("\\b((?:kafka|ticketstream|debezium)_[a-z0-9_]+)\\b").matcher(expr.replaceAll("__name__=~\"[^\"]+\"", ""));
        while (names.find()) {
            used.put(names.group(1), where);
        }
    }

    /** The real lag exporter (ops-cli), one round against this broker: the names it serves. */
    private static String lagExporterScrape() throws Exception {
        // a group with a committed offset, so there is a partition to serve lag series for
        try (Admin admin = connect.kafka().createAdminClient()) {
            admin.alterConsumerGroupOffsets("connect-monitoring-probe", Map.of(
                    new org.apache.kafka.common.TopicPartition(CanonicalTopics.CUSTOMER_CHANGE, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(0))).all().get();
        }
        StringWriter out = new StringWriter();
        Thread exporter = new Thread(() -> {
            var cli = OpsCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            cli.execute("lag", "-b", connect.kafka().bootstrapServers(), "--prometheus", "0", "--prometheus-host", "127.0.0.1",
                    "--interval", "1s", "--rounds", "600");
        }, "lag-exporter");
        exporter.setDaemon(true);
        exporter.start();
        String[] body = {""};
        TestUtils.waitForCondition(() -> {
            Matcher port = Pattern.compile("serving http://127.0.0.1:(\\d+)/metrics").matcher(out.toString());
            if (!port.find() || !out.toString().contains("sampled")) {
                return false;
            }
            body[0] = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body[0].contains("ticketstream_consumer_lag_status{");
        }, Duration.ofMinutes(2).toMillis(), () -> "the lag exporter should serve a round: " + out);
        exporter.interrupt();
        return body[0];
    }
}
