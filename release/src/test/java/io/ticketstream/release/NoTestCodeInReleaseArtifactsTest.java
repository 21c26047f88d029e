package io.ticketstream.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No test class, test jar or JUnit in anything a release ships: the component archives, every plugin folder of the
 * plugin.path tarball and the runnable jars, listed entry by entry (jars inside archives opened too).
 */
class NoTestCodeInReleaseArtifactsTest {

    @Test
    void componentArchivesHoldNoTestCode() throws IOException {
        List<String> found = new ArrayList<>();
        int jars = 0;
        for (Path archive : ReleaseFiles.componentArchives()) {
            for (var entry : ReleaseFiles.entries(archive).entrySet()) {
                if (entry.getKey().endsWith(".jar")) {
                    jars++;
                    String where = archive.getFileName() + "!/" + entry.getKey();
                    if (TestCodeDetector.isTestJar(entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1))) {
                        found.add(where);
                    }
                    found.addAll(TestCodeDetector.testClasses(where,
                            ReleaseFiles.entries(new ByteArrayInputStream(entry.getValue()))));
                }
            }
        }
        assertTrue(jars >= 5, "too few jars looked at: " + jars);
        assertEquals(List.of(), found, "test code in a component archive");
    }

    @Test
    void pluginFoldersHoldNoTestCode() throws IOException {
        List<String> found = new ArrayList<>();
        int jars = 0;
        for (Path folder : ReleaseFiles.releasedPluginFolders()) {
            for (Path jar : ReleaseFiles.jarsUnder(folder)) {
                jars++;
                String where = ReleaseFiles.pluginsDir().relativize(jar).toString();
                if (TestCodeDetector.isTestJar(jar.getFileName().toString())) {
                    found.add(where);
                }
                found.addAll(TestCodeDetector.testClasses(where, ReleaseFiles.entries(jar)));
            }
        }
        assertTrue(jars >= 40, "too few jars looked at: " + jars);
        assertEquals(List.of(), found, "test code in the plugin.path folder");
    }

    @Test
    void runnableJarsHoldNoTestCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path jar : ReleaseFiles.runnableJars()) {
            Map<String, byte[]> entries = ReleaseFiles.entries(jar);
            assertTrue(entries.size() > 100, jar + " is not a merged jar");
            found.addAll(TestCodeDetector.testClasses(jar.getFileName().toString(), entries));
        }
        assertEquals(List.of(), found, "test code in a runnable jar");
    }

    @Test
    void detectorFindsTestJarsAndTestClasses() {
        assertTrue(TestCodeDetector.isTestJar("connect-runtime-4.3.1-test.jar"));
        assertTrue(TestCodeDetector.isTestJar("junit-jupiter-api-5.13.4.jar"));
        assertTrue(TestCodeDetector.isTestJar("test-support-0.1.0.jar"));
        assertTrue(!TestCodeDetector.isTestJar("connect-runtime-4.3.2.jar"));
        List<String> found = TestCodeDetector.testClasses("x.jar", Map.of(
                "org/junit/jupiter/api/Test.class", new byte[0],
                "org/apache/kafka/connect/util/clusters/EmbeddedConnectCluster.class", new byte[0],
                "io/ticketstream/streams/TopologyTest.class", new byte[0],
                "io/ticketstream/streams/TicketstreamApp.class", new byte[0],
                "org/apache/kafka/streams/KafkaStreams.class", new byte[0]));
        assertEquals(3, found.size(), found.toString());
    }
}
