package io.ticketstream.streams.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming a source column is a mapping edit, not a code change. */
class SourceRenameTest {

    @TempDir
    Path dir;

    @Test
    void aRenamedSourceColumnIsFollowedByEditingOnlyTheMappingFile() throws IOException {
        String orders;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("mappings/orders.yaml")) {
            orders = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String edited = orders.replace("from: status,", "from: order_state,");
        assertTrue(!edited.equals(orders), "the edit applies");
        Files.writeString(dir.resolve("orders.yaml"), edited);

        try (NormalizeHarness harness = new NormalizeHarness(MappingCatalog.load(dir))) {
            harness.pipe("orders", "{\"order_id\":7}", "{\"op\":\"c\",\"after\":{\"order_id\":7,\"customer_ref\":\"C-7\","
                    + "\"performance_id\":5,\"order_state\":\"PAID\",\"channel\":\"WEB\",\"currency\":\"GBP\","
                    + "\"total_amount\":\"1.00\",\"created_at\":1,\"updated_at\":2},\"source\":{\"ts_ms\":3}}");

            NormalizedRow row = harness.rows("orders").get(0).value();
            assertEquals("PAID", row.getString("status"), "canonical name unchanged for the join stage");
            assertTrue(harness.deadLetters().isEmpty());
        }
    }
}
