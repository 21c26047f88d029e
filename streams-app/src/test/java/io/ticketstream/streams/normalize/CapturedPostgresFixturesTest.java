package io.ticketstream.streams.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL envelopes captured from a real Debezium 3.6.1 run on PostgreSQL 15
 * ({@code fixtures/postgres/}, see its README) through the normalisation stage.
 */
class CapturedPostgresFixturesTest {

    private static final String DIR = "fixtures/postgres/";

    private final NormalizeHarness harness = new NormalizeHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private void pipe(String table, String... kinds) {
        for (String kind : kinds) {
            harness.pipeFixture(table, DIR + table + "." + kind + ".jsonl");
        }
    }

    @Test
    void performancesSnapshotInsertUpdateDeleteAndKeyChange() {
        pipe("performances", "snapshot", "insert", "update", "delete", "key-change");

        List<TestRecord<String, NormalizedRow>> out = harness.rows("performances");

        assertEquals(List.of("100", "101", "102", "103", "104", "100", "101", "102", "200"),
                out.stream().map(TestRecord::key).toList());
        assertEquals(List.of(NormalizedRow.Op.UPSERT, NormalizedRow.Op.UPSERT, NormalizedRow.Op.UPSERT, NormalizedRow.Op.UPSERT,
                        NormalizedRow.Op.UPSERT, NormalizedRow.Op.UPSERT, NormalizedRow.Op.DELETE, NormalizedRow.Op.DELETE,
                        NormalizedRow.Op.UPSERT),
                out.stream().map(r -> r.value().op()).toList());
        NormalizedRow first = out.get(0).value();
        assertEquals(Map.of("performance_id", 100L, "attraction_id", 1L, "venue_id", 10L,
                "starts_at", Instant.parse("2027-03-01T19:30:00Z").toEpochMilli(),
                "on_sale_at", Instant.parse("2026-10-01T09:00:00Z").toEpochMilli(), "status", "ON_SALE"), first.fields());
        assertEquals(1795278314839L, out.get(0).timestamp(), "commit time, not the connector's ts_ms");
        assertTrue(out.get(4).value().has("on_sale_at") && out.get(4).value().getTimestamp("on_sale_at") == null);
        assertEquals("SOLD_OUT", out.get(5).value().getString("status"));

        assertEquals(Map.of("performance_id", 101L), out.get(6).value().fields(),
                "the keys-only before image's placeholders (attraction_id 0, status \"\") are not data");
        assertEquals(Map.of("performance_id", 102L), out.get(7).value().fields());
        assertEquals(out.get(7).timestamp(), out.get(8).timestamp(), "key change: delete and create share the commit");
        assertEquals(2.0, harness.total("performances", "skipped-tombstone"));
        assertTrue(harness.deadLetters().isEmpty());
    }

    @Test
    void attractionsAndVenuesIncludingDeletesWithPlaceholderColumns() {
        pipe("attractions", "snapshot", "insert", "update", "delete");
        pipe("venues", "snapshot", "insert", "update", "delete");

        List<TestRecord<String, NormalizedRow>> attractions = harness.rows("attractions");
        assertEquals(List.of("1", "2", "3", "2", "2"), attractions.stream().map(TestRecord::key).toList());
        assertEquals("Les Misérables", attractions.get(2).value().getString("name"));
        assertEquals("thriller", attractions.get(3).value().getString("genre"));
        assertEquals(NormalizedRow.Op.DELETE, attractions.get(4).value().op());
        assertEquals(Map.of("attraction_id", 2L), attractions.get(4).value().fields(), "name \"\" is a placeholder");

        List<TestRecord<String, NormalizedRow>> venues = harness.rows("venues");
        assertEquals(Integer.valueOf(1517), venues.get(0).value().getInt("capacity"));
        NormalizedRow venueDelete = venues.get(venues.size() - 1).value();
        assertEquals(NormalizedRow.Op.DELETE, venueDelete.op());
        assertEquals(Map.of("venue_id", 11L), venueDelete.fields());
        assertTrue(harness.deadLetters().isEmpty());
    }
}
