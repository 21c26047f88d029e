package io.ticketstream.local;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class path {@code java -jar local-stack-<version>.jar} really runs with (the packaged jar's {@code Class-Path}
 * into {@code target/lib}) carries no test code. Regression test for the local worker listing about 20 of Kafka's
 * test connectors ({@code NaughtyConnector}, ...): local-stack used to depend on test-support at compile scope, which
 * put Kafka's test jars and JUnit into {@code lib/}.
 *
 * <p>The connector check asks {@link ServiceLoader} over exactly those jars, which is how the local worker
 * ({@code plugin.discovery=service_load}) finds class-path plugins.
 */
class LocalStackRuntimeClassPathIT {

    /** Kafka's test classifier jars, our test kit, JUnit and what only tests use. */
    private static final Pattern TEST_JAR = Pattern.compile(
            ".*-tests?\\.jar|junit-.*|opentest4j-.*|apiguardian-.*|test-support-.*|kafka-test-common-.*"
                    + "|kafka-streams-test-utils-.*");

    private final Path jar = Path.of(System.getProperty("local.stack.jar"));

    @Test
    void runtimeClassPathHoldsNoTestJar() throws IOException {
        List<Path> classPath = runtimeClassPath();
        assertTrue(classPath.size() > 50, "suspiciously short class path: " + classPath);
        List<String> testJars = classPath.stream().map(p -> p.getFileName().toString())
                .filter(name -> TEST_JAR.matcher(name).matches()).toList();
        assertEquals(List.of(), testJars, "test jars on the local stack's runtime class path");
    }

    @Test
    void workerFindsNoTestConnectorOnItsClassPath() throws Exception {
        List<Path> classPath = runtimeClassPath();
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            List<String> connectors = new ArrayList<>();
            connectors.addAll(services(loader, "org.apache.kafka.connect.sink.SinkConnector"));
            connectors.addAll(services(loader, "org.apache.kafka.connect.source.SourceConnector"));
            assertEquals(List.of(), connectors, "connectors on the worker's class path (plugins belong in plugin.path)");

            // The same look-up does see what the class path does provide: Kafka's own JSON converter.
            assertTrue(services(loader, "org.apache.kafka.connect.storage.Converter")
                    .contains("org.apache.kafka.connect.json.JsonConverter"), "ServiceLoader scan found nothing at all");
        }
    }

    private List<Path> runtimeClassPath() throws IOException {
        assertTrue(Files.isRegularFile(jar), "packaged jar missing: " + jar);
        List<Path> classPath = new ArrayList<>();
        classPath.add(jar);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            String entries = jarFile.getManifest().getMainAttributes().getValue("Class-Path");
            assertFalse(entries == null || entries.isBlank(), "no Class-Path in " + jar);
            for (String entry : entries.trim().split("\\s+")) {
                Path dependency = jar.resolveSibling(entry);
                assertTrue(Files.isRegularFile(dependency), "Class-Path entry missing: " + dependency);
                classPath.add(dependency);
            }
        }
        return classPath;
    }

    private static List<String> services(ClassLoader loader, String serviceType) throws ClassNotFoundException {
        Class<?> service = Class.forName(serviceType, false, loader);
        return ServiceLoader.load(service, loader).stream().map(p -> p.type().getName()).sorted().toList();
    }
}
