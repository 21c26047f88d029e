package io.ticketstream.braze.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** Logs carry counts only: never the API key, never an identifier or an object. */
class LoggingHygieneTest {

    private static final String KEY = "super-secret-rest-key-4711";
    private static final String EMAIL = "jane.doe@example.com";

    @Test
    void neitherKeysNorPersonalDataReachTheLogsEvenAtDebug() throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        StringWriter captured = new StringWriter();
        WriterAppender appender = WriterAppender.newBuilder().setName("hygiene").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").withConfiguration(config).build())
                .setConfiguration(config).build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        Level before = root.getLevel();
        root.addAppender(appender, Level.DEBUG, null);
        Configurator.setLevel("io.ticketstream.braze.simulator", Level.DEBUG);
        try (BrazeSimulator sim = BrazeSimulator.builder().apiKeys(Set.of(KEY))
                .faults(FaultPlan.builder().objectErrorMarker("jane").build()).build().start()) {
            SimulatorClient client = new SimulatorClient(sim.baseUri());
            String body = SimulatorClient.q("{'attributes':[{'email':'" + EMAIL + "','first_name':'Jane'},"
                    + "{'external_id':'C-1','email':'" + EMAIL + "'}],"
                    + "'events':[{'external_id':'C-1','name':'n','time':'2026-11-21T10:00:00Z'}]}");
            assertEquals(201, client.post(BrazeSimulator.USERS_TRACK, KEY, body).statusCode());
            assertEquals(401, client.post(BrazeSimulator.USERS_TRACK, KEY + "-wrong", body).statusCode());
            assertEquals(400, client.post(BrazeSimulator.USERS_TRACK, KEY, "{\"events\":[{\"email\":\"" + EMAIL).statusCode());
            sim.setFaults(FaultPlan.none());
        } finally {
            root.removeAppender("hygiene");
            Configurator.setLevel("io.ticketstream.braze.simulator", before);
            appender.stop();
        }
        String logs = captured.toString();
        assertTrue(logs.contains("Braze SIMULATOR (stand-in, not Braze)"), "capture works: " + logs);
        assertTrue(logs.contains("objects applied"), "debug lines captured: " + logs);
        assertFalse(logs.contains(KEY), logs);
        assertFalse(logs.contains(EMAIL), logs);
        assertFalse(logs.contains("jane"), "the marker is test data too: " + logs);
        assertFalse(logs.contains("C-1"), logs);
    }
}
