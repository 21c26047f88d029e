package io.ticketstream.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What counts as test code in a runtime artifact: test jars (Kafka's "test" classifier jars, JUnit, our test kit) and
 * test classes (JUnit, opentest4j, Kafka's embedded-cluster test kit, our test-support, our own *Test / *IT classes).
 */
final class TestCodeDetector {

    private static final Pattern TEST_JAR = Pattern.compile(
            "(.*-tests?|junit-.*|opentest4j-.*|apiguardian-api-.*|test-support-.*|kafka-test-common-.*"
                    + "|kafka-streams-test-utils-.*)\\.jar");

    private static final List<String> TEST_PACKAGES = List.of("org/junit/", "org/opentest4j/",
            "io/ticketstream/testsupport/", "org/apache/kafka/connect/util/clusters/", "org/apache/kafka/test/",
            "org/apache/kafka/common/test/", "kafka/utils/TestUtils");

    private static final Pattern OUR_TEST_CLASS = Pattern.compile("io/ticketstream/.*(Test|Tests|IT)(\\$.*)?\\.class");

    private TestCodeDetector() {
    }

    static boolean isTestJar(String fileName) {
        return TEST_JAR.matcher(fileName).matches();
    }

    /** The entries of one jar that are test code, each prefixed with {@code where}. */
    static List<String> testClasses(String where, Map<String, byte[]> jarEntries) {
        List<String> found = new ArrayList<>();
        for (String name : jarEntries.keySet()) {
            boolean testPackage = TEST_PACKAGES.stream().anyMatch(name::startsWith);
            if ((testPackage && name.endsWith(".class")) || OUR_TEST_CLASS.matcher(name).matches()) {
                found.add(where + "!/" + name);
            }
        }
        return found;
    }
}
