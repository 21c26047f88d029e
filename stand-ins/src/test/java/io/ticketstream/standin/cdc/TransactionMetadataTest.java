package io.ticketstream.standin.cdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stand-in envelopes with {@code provide.transaction.metadata=true} (as connectors/ ships): events of one source
 * transaction share its id and commit, carry their positions, and BEGIN/END markers count them per table.
 */
class TransactionMetadataTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sqlServerEventsOfOneTransactionShareItsCommitLsnAndAreCountedInItsEnd() throws Exception {
        SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(json, "sqlserver");
        RawEvent begin = sqlServer.beginTransaction(1_000);
        RawEvent ticket = sqlServer.create("tickets", Map.of("ticket_id", 1, "order_id", 7), 1_000);
        RawEvent order = sqlServer.update("orders", Map.of("order_id", 7, "status", "PENDING"), Map.of("order_id", 7, "status", "PAID"), 1_000);
        RawEvent end = sqlServer.endTransaction();

        JsonNode ticketValue = json.readTree(ticket.value());
        JsonNode orderValue = json.readTree(order.value());
        String id = json.readTree(begin.value()).get("id").asText();
        assertEquals("sqlserver.transaction", begin.topic());
        assertEquals("{\"id\":\"" + id + "\"}", begin.key());
        assertEquals("{\"order_id\":7}", ticket.key(), "tickets re-keyed by their order (message.key.columns)");
        assertEquals(id, ticketValue.at("/source/commit_lsn").asText());
        assertEquals(id, orderValue.at("/source/commit_lsn").asText());
        assertNotEquals(ticketValue.at("/source/change_lsn"), orderValue.at("/source/change_lsn"));
        assertEquals(2, orderValue.at("/transaction/total_order").asInt());
        assertEquals(1, orderValue.at("/transaction/data_collection_order").asInt());
        JsonNode endValue = json.readTree(end.value());
        assertEquals("END", endValue.get("status").asText());
        assertEquals(2, endValue.get("event_count").asInt());
        assertEquals("ticketing.dbo.tickets", endValue.at("/data_collections/0/data_collection").asText());
    }

    @Test
    void withoutATransactionEventsCarryNoMetadataAsBefore() throws Exception {
        SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(json, "sqlserver");
        JsonNode value = json.readTree(sqlServer.create("orders", Map.of("order_id", 7), 1_000).value());
        assertTrue(value.get("transaction").isNull());
        assertEquals(value.at("/source/change_lsn"), value.at("/source/commit_lsn"));
    }

    @Test
    void aTransactionCommitsAtOneTime() {
        SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(json, "sqlserver");
        sqlServer.beginTransaction(1_000);
        assertThrows(IllegalArgumentException.class, () -> sqlServer.create("orders", Map.of("order_id", 7), 1_001));
        assertThrows(IllegalStateException.class, () -> sqlServer.beginTransaction(1_002));
    }

    @Test
    void auroraEventsFollowTheCapturedPostgresFormat() throws Exception {
        AuroraEnvelopes aurora = new AuroraEnvelopes(json, "aurora");
        aurora.beginTransaction(2_000);
        RawEvent update = aurora.update("venues", "venue_id", 10, Map.of("venue_id", 10, "name", "Hall"), 2_000);
        RawEvent end = aurora.endTransaction();
        List<RawEvent> delete = aurora.delete("performances", "performance_id", 100,
                Map.of("performance_id", 100, "attraction_id", 0, "status", ""), 2_001);

        JsonNode value = json.readTree(update.value());
        assertEquals("aurora.catalog.venues", update.topic());
        assertEquals("{\"venue_id\":10}", update.key());
        assertTrue(value.get("before").isNull(), "default replica identity: no before image on update");
        assertEquals("postgresql", value.at("/source/connector").asText());
        long txId = value.at("/source/txId").asLong();
        assertTrue(value.at("/transaction/id").asText().startsWith(txId + ":"), "transaction.id is <txId>:<lsn>");
        assertEquals(1, json.readTree(end.value()).get("event_count").asInt());
        assertEquals("catalog.venues", json.readTree(end.value()).at("/data_collections/0/data_collection").asText());
        assertEquals("d", json.readTree(delete.get(0).value()).get("op").asText());
        assertEquals(null, delete.get(1).value(), "a tombstone follows the delete");
        assertTrue(json.readTree(delete.get(0).value()).get("transaction").isNull());
    }
}
