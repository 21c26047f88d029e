package io.ticketstream.schemas.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketstream.schemas.catalog.CanonicalEntity;

/** The build's schema gate, run on copies of the module's real contract with one schema changed. */
class SchemaContractCheckTest {

    private static final Path AVRO = Path.of("src/main/avro");
    private static final Path PUBLISHED = Path.of("src/main/resources/io/ticketstream/schemas/published");

    @TempDir
    Path work;

    @Test
    void theCommittedContractHolds() {
        assertEquals(List.of(), new SchemaContractCheck(AVRO, new PublishedSchemaDirectory(PUBLISHED), List.of()).run(false));
    }

    @Test
    void anIncompatibleChangeIsRejectedNamingSchemaAndField() throws IOException {
        Path avro = copyOf(AVRO, "avro");
        Path published = copyOf(PUBLISHED, "published");
        replaceWithFixture(avro.resolve("Customer.avsc"), "fixtures/Customer-incompatible.avsc");
        PublishedSchemaDirectory directory = new PublishedSchemaDirectory(published);

        List<String> problems = new SchemaContractCheck(avro, directory, List.of()).run(true);

        assertTrue(problems.contains("Customer v2 is not backward compatible with v1 (v2 cannot read records written "
                + "with v1): field 'segment': READER_FIELD_MISSING_DEFAULT_VALUE (segment) at /fields/1"), problems.toString());
        assertTrue(problems.contains("Customer v2 is not backward compatible with v1 (v2 cannot read records written "
                + "with v1): field 'loyalty_points': MISSING_UNION_BRANCH (reader union lacking writer type: LONG) "
                + "at /fields/13/type/1"), problems.toString());
        assertTrue(problems.contains("Customer v2 is not forward compatible with v1 (v1 cannot read records written "
                + "with v2): field 'loyalty_points': MISSING_UNION_BRANCH (reader union lacking writer type: STRING) "
                + "at /fields/12/type/1"), problems.toString());
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Customer.avsc differs from its latest published "
                + "version v1: publish it as v2")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("Order")), problems.toString());
        assertFalse(Files.exists(directory.fileOf(CanonicalEntity.CUSTOMER, 2)), "an incompatible version is never published");
    }

    @Test
    void aChangedSchemaMustBePublishedAsTheNextVersion() throws IOException {
        Path avro = copyOf(AVRO, "avro");
        Path published = copyOf(PUBLISHED, "published");
        Path order = avro.resolve("Order.avsc");
        Files.writeString(order, Files.readString(order).replace("\"doc\": \"ISO-4217.\"", "\"doc\": \"ISO-4217 code.\""));
        PublishedSchemaDirectory directory = new PublishedSchemaDirectory(published);

        List<String> problems = new SchemaContractCheck(avro, directory, List.of()).run(false);

        assertEquals(List.of("Order.avsc differs from its latest published version v1: publish it as v2 ("
                + directory.fileOf(CanonicalEntity.ORDER, 2) + ", self-contained; or build once with "
                + "-Dticketstream.schemas.publish=true) and commit it"), problems);
    }

    @Test
    void aCompatibleChangeIsPublishedOnRequestAndThenHolds() throws IOException {
        Path avro = copyOf(AVRO, "avro");
        Path published = copyOf(PUBLISHED, "published");
        Path mirror = Files.createDirectories(work.resolve("mirror"));
        Path customer = avro.resolve("Customer.avsc");
        Files.writeString(customer, Files.readString(customer).replace(
                "{\"name\": \"city\", \"type\": [\"null\", \"string\"], \"default\": null},",
                "{\"name\": \"city\", \"type\": [\"null\", \"string\"], \"default\": null},\n"
                        + "    {\"name\": \"postcode\", \"type\": [\"null\", \"string\"], \"default\": null},"));
        PublishedSchemaDirectory directory = new PublishedSchemaDirectory(published);
        SchemaContractCheck check = new SchemaContractCheck(avro, directory, List.of(new PublishedSchemaDirectory(mirror)));

        assertEquals(List.of(), check.run(true));

        assertTrue(Files.readString(directory.fileOf(CanonicalEntity.CUSTOMER, 2)).contains("\"postcode\""));
        assertTrue(Files.exists(mirror.resolve("Customer/v2.avsc")));
        assertEquals(List.of(), check.run(false));
    }

    private Path copyOf(Path source, String name) throws IOException {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static void replaceWithFixture(Path target, String resource) throws IOException {
        try (InputStream in = SchemaContractCheckTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
