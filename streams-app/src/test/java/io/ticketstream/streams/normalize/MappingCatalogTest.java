package io.ticketstream.streams.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ticketstream.streams.normalize.mapping.Cast;
import io.ticketstream.streams.normalize.mapping.ConnectorKind;
import io.ticketstream.streams.normalize.mapping.DeleteImage;
import io.ticketstream.streams.normalize.mapping.Mapping;
import io.ticketstream.streams.normalize.mapping.MappingException;

class MappingCatalogTest {

    private static final String GOOD = """
            source: { connector: sqlserver }
            key: [order_id]
            fields:
              - { to: order_id, from: order_id, cast: long, required: true }
              - { to: status, cast: enum, allowed: [PAID] }
            """;

    @TempDir
    Path dir;

    @Test
    void builtInCatalogDeclaresTheCanonicalFieldsTheJoinStageCodesAgainst() {
        MappingCatalog catalog = MappingCatalog.loadDefault();

        assertEquals(Set.of("orders", "tickets", "payments", "customers", "attractions", "venues", "performances"), catalog.names());
        assertEquals(List.of("order_id", "customer_ref", "performance_id", "status", "channel", "currency", "total_amount",
                "created_at", "updated_at"), targets(catalog.get("orders")));
        assertEquals(List.of("ticket_id", "order_id", "performance_id", "section", "row_label", "seat_number", "price_type",
                "price", "status"), targets(catalog.get("tickets")));
        assertEquals(List.of("payment_id", "order_id", "amount", "method", "status", "processed_at"), targets(catalog.get("payments")));
        assertEquals(List.of("mongo_id", "customer_ref", "email", "phone", "first_name", "last_name", "date_of_birth", "country",
                "city", "email_opt_in", "sms_opt_in", "favourite_genres", "loyalty_tier", "loyalty_points", "created_at",
                "updated_at"), targets(catalog.get("customers")));
        assertEquals(List.of("attraction_id", "name", "genre", "promoter"), targets(catalog.get("attractions")));
        assertEquals(List.of("venue_id", "name", "city", "country", "timezone", "capacity"), targets(catalog.get("venues")));
        assertEquals(List.of("performance_id", "attraction_id", "venue_id", "starts_at", "on_sale_at", "status"),
                targets(catalog.get("performances")));

        Mapping customers = catalog.get("customers");
        assertEquals(ConnectorKind.MONGODB, customers.connector());
        assertEquals(List.of("mongo_id"), customers.keyFields());
        assertEquals(List.of("preferences", "email_opt_in"), customers.field("email_opt_in").orElseThrow().path());
        assertEquals(Cast.MONGO_DATE, customers.field("updated_at").orElseThrow().cast());
        assertTrue(customers.personalData());
        assertEquals(Set.of("PENDING", "PAID", "CANCELLED", "REFUNDED"), catalog.get("orders").field("status").orElseThrow().allowed());
        assertEquals(DeleteImage.FULL, catalog.get("orders").deleteImage());
        assertEquals(DeleteImage.KEYS, catalog.get("performances").deleteImage(), "PostgreSQL default replica identity");
        assertEquals(DeleteImage.KEYS, customers.deleteImage());
    }

    @Test
    void folderCatalogReadsEveryYamlFile() throws IOException {
        Files.writeString(dir.resolve("orders.yaml"), GOOD);
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        MappingCatalog catalog = MappingCatalog.load(dir);

        assertEquals(Set.of("orders"), catalog.names());
        assertEquals(dir.resolve("orders.yaml").toString(), catalog.get("orders").file());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown cast       | fields[0] (to: order_id) | unknown cast 'bigint'      | source: {connector: sqlserver}\\nkey: [order_id]\\nfields:\\n  - {to: order_id, cast: bigint}
            missing key field  | key                      | 'id' is not declared       | source: {connector: sqlserver}\\nkey: [id]\\nfields:\\n  - {to: order_id, cast: long}
            missing key        | key                      | missing                    | source: {connector: sqlserver}\\nfields:\\n  - {to: order_id, cast: long}
            key not keyable    | key                      | has cast decimal           | source: {connector: sqlserver}\\nkey: [amount]\\nfields:\\n  - {to: amount, cast: decimal}
            duplicate target   | fields[1] (to: status)   | duplicate target 'status'  | source: {connector: sqlserver}\\nkey: [order_id]\\nfields:\\n  - {to: status, cast: string}\\n  - {to: status, from: state, cast: string}\\n  - {to: order_id, cast: long}
            nested relational  | fields[0] (to: tier)     | bad path 'loyalty.tier'    | source: {connector: postgresql}\\nkey: [tier]\\nfields:\\n  - {to: tier, from: loyalty.tier, cast: string}
            empty segment      | fields[0] (to: tier)     | bad path 'loyalty..tier'   | source: {connector: mongodb}\\nkey: [tier]\\nfields:\\n  - {to: tier, from: loyalty..tier, cast: string}
            unknown connector  | source.connector         | unknown connector 'oracle' | source: {connector: oracle}\\nkey: [a]\\nfields:\\n  - {to: a, cast: long}
            enum without list  | fields[0] (to: status)   | needs a non-empty 'allowed'| source: {connector: sqlserver}\\nkey: [status]\\nfields:\\n  - {to: status, cast: enum}
            allowed not enum   | fields[0] (to: status)   | only applies to cast enum  | source: {connector: sqlserver}\\nkey: [status]\\nfields:\\n  - {to: status, cast: string, allowed: [A]}
            typo attribute     | fields[0] (to: a)        | unknown attribute 'requird'| source: {connector: sqlserver}\\nkey: [a]\\nfields:\\n  - {to: a, cast: long, requird: true}
            missing cast       | fields[0] (to: a).cast   | 'cast' is missing          | source: {connector: sqlserver}\\nkey: [a]\\nfields:\\n  - {to: a}
            bad delete_image   | delete_image             | unknown delete_image 'all' | source: {connector: postgresql}\\nkey: [a]\\ndelete_image: all\\nfields:\\n  - {to: a, cast: long}
            bad deletes        | deletes                  | unknown delete handling    | source: {connector: sqlserver}\\nkey: [a]\\ndeletes: drop\\nfields:\\n  - {to: a, cast: long}
            no fields          | fields                   | missing or empty           | source: {connector: sqlserver}\\nkey: [a]
            not yaml           |                          | not valid YAML             | source: {connector: sqlserver\\nkey: [a]
            """)
    void brokenMappingFailsAtLoadNamingFileEntryAndReason(String problem, String entry, String reason, String yaml) throws IOException {
        Path file = dir.resolve("orders.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));

        MappingException e = assertThrows(MappingException.class, () -> MappingCatalog.load(dir));

        assertEquals(file.toString(), e.file(), problem);
        assertEquals(entry, e.entry(), problem);
        assertTrue(e.reason().contains(reason), problem + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void missingFolderFailsClearly() {
        MappingException e = assertThrows(MappingException.class, () -> MappingCatalog.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static List<String> targets(Mapping mapping) {
        return mapping.fields().stream().map(f -> f.target()).toList();
    }
}
