package io.ticketstream.streams.join.performance;

import io.ticketstream.schemas.Attraction;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.Venue;
import io.ticketstream.streams.join.JoinSerdes;
import io.ticketstream.streams.join.JoinTopics;
import io.ticketstream.streams.normalize.NormalizedRow;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.function.Function;

/**
 * Wires performance ⋈ attraction ⋈ venue as two KTable-KTable foreign-key left joins, so a dimension
 * change (a venue renamed) produces a new Performance version for every performance that references it,
 * and a performance whose attraction or venue is not known yet is published with that part null.
 *
 * <p>Each input is repartitioned by its key first: the raw topics are partitioned by Debezium's JSON key,
 * not by the string key the foreign-key join's internal topics partition by.
 */
public final class PerformanceJoin {

    private PerformanceJoin() {
    }

    /** @return the joined table, keyed by performance_id; also written to the Performance topic */
    public static KTable<String, Performance> attach(KStream<String, NormalizedRow> performances,
                                                     KStream<String, NormalizedRow> attractions,
                                                     KStream<String, NormalizedRow> venues,
                                                     JoinSerdes serdes, JoinTopics topics) {
        KTable<String, NormalizedRow> attractionTable = rowTable("attractions", attractions, serdes, CatalogRows::attraction);
        KTable<String, NormalizedRow> venueTable = rowTable("venues", venues, serdes, CatalogRows::venue);
        KTable<String, Performance> performanceTable = performances
                .repartition(Repartitioned.with(serdes.key(), serdes.row()).withName("performances-by-id"))
                .mapValues(row -> row == null || row.isDelete() ? null : CatalogRows.performance(row),
                        Named.as("performances-to-canonical"))
                .toTable(Named.as("performances-table"), materialized("performances-table", serdes));

        KTable<String, Performance> joined = performanceTable
                .leftJoin(attractionTable, performance -> Long.toString(performance.getAttractionId()),
                        PerformanceJoin::withAttraction, TableJoined.as("performance-attraction"),
                        materialized("performance-with-attraction", serdes))
                .leftJoin(venueTable, performance -> Long.toString(performance.getVenueId()),
                        PerformanceJoin::withVenue, TableJoined.as("performance-venue"),
                        materialized("performance-with-venue", serdes));
        joined.toStream(Named.as("performance-versions"))
                .to(topics.performance(), Produced.with(serdes.key(), serdes.performance()).withName("performance-sink"));
        return joined;
    }

    /**
     * A dimension table of rows, validated by converting each row once on the way in (a bad row is
     * dead-lettered here instead of failing inside a join).
     */
    private static KTable<String, NormalizedRow> rowTable(String name, KStream<String, NormalizedRow> rows,
                                                          JoinSerdes serdes, Function<NormalizedRow, ?> validator) {
        return rows
                .repartition(Repartitioned.with(serdes.key(), serdes.row()).withName(name + "-by-id"))
                .mapValues(row -> {
                    if (row == null || row.isDelete()) {
                        return null;
                    }
                    validator.apply(row);
                    return row;
                }, Named.as(name + "-validated"))
                .toTable(Named.as(name + "-table"),
                        Materialized.<String, NormalizedRow, KeyValueStore<Bytes, byte[]>>as(name + "-table")
                                .withKeySerde(serdes.key()).withValueSerde(serdes.row()).withCachingDisabled());
    }

    private static Materialized<String, Performance, KeyValueStore<Bytes, byte[]>> materialized(String name,
                                                                                                  JoinSerdes serdes) {
        // Caching off: every version is emitted, identically in the test driver and on a broker.
        return Materialized.<String, Performance, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(serdes.key()).withValueSerde(serdes.performance()).withCachingDisabled();
    }

    private static Performance withAttraction(Performance performance, NormalizedRow attractionRow) {
        Attraction attraction = attractionRow == null ? null : CatalogRows.attraction(attractionRow);
        long commitTs = performance.getCommitTs().toEpochMilli();
        if (attractionRow != null) {
            commitTs = Math.max(commitTs, attractionRow.commitTs());
        }
        return Performance.newBuilder(performance).setAttraction(attraction)
                .setCommitTs(Instant.ofEpochMilli(commitTs)).build();
    }

    private static Performance withVenue(Performance performance, NormalizedRow venueRow) {
        Venue venue = venueRow == null ? null : CatalogRows.venue(venueRow);
        long commitTs = performance.getCommitTs().toEpochMilli();
        if (venueRow != null) {
            commitTs = Math.max(commitTs, venueRow.commitTs());
        }
        return Performance.newBuilder(performance).setVenue(venue)
                .setCommitTs(Instant.ofEpochMilli(commitTs)).build();
    }
}
