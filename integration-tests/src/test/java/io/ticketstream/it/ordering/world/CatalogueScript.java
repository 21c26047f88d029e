package io.ticketstream.it.ordering.world;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Aurora catalogue: attractions and venues, performances referencing them (foreign keys, as in the stand-in DDL:
 * a performance never exists before its attraction and venue), then renames, status changes and a burst of
 * performances created, changed and deleted within milliseconds. One Debezium transaction per statement.
 *
 * <p>Attraction 1 and venue 1 are never changed, so a performance created late (after a sale, within the grace
 * period) composes the same way whichever time its attraction and venue are read at.
 */
final class CatalogueScript {

    static final long STABLE_ATTRACTION = 1;
    static final long STABLE_VENUE = 1;
    /** The performance created only after a sale of it (clocks of different databases disagree). */
    static final long LATE_PERFORMANCE = 199;
    private static final long FIRST_PERFORMANCE = 101;
    private static final long FIRST_BURST_PERFORMANCE = 901;
    private static final String[] GENRES = {"musical", "opera", "rock", "comedy", "ballet"};
    private static final String[] CITIES = {"London", "Manchester", "Paris", "Lyon", "Dublin", "Berlin"};

    private final SplittableRandom random;
    private final Map<Long, PlannedRow> attractions = new LinkedHashMap<>();
    private final Map<Long, PlannedRow> venues = new LinkedHashMap<>();
    private final Map<Long, PlannedRow> performances = new LinkedHashMap<>();
    private final List<Long> onSale = new ArrayList<>();
    private final Instant season;

    CatalogueScript(SplittableRandom random, long baseTs) {
        this.random = random;
        this.season = Instant.ofEpochMilli(baseTs).truncatedTo(ChronoUnit.DAYS).plus(60, ChronoUnit.DAYS);
    }

    /** The catalogue every world starts with, committed in [from, from + 300). */
    void create(long from, WorldShape shape) {
        for (long id = 1; id <= shape.attractions(); id++) {
            attractions.put(id, new PlannedRow(from + id * 7, attraction(id, "Attraction " + id)));
        }
        for (long id = 1; id <= shape.venues(); id++) {
            venues.put(id, new PlannedRow(from + 60 + id * 7, venue(id, "Venue " + id, CITIES[(int) (id % CITIES.length)])));
        }
        for (int i = 0; i < shape.performances(); i++) {
            long id = FIRST_PERFORMANCE + i;
            long attraction = 1 + random.nextLong(shape.attractions());
            long venue = 1 + random.nextLong(shape.venues());
            performances.put(id, new PlannedRow(from + 120 + i * 11L, performance(id, attraction, venue, i)));
            onSale.add(id);
        }
    }

    /** Performances an order may be for (the late one and the burst ones are not among them). */
    List<Long> onSale() {
        return onSale;
    }

    /** Renames an attraction other than the stable one at about {@code commitTs}; returns the commit time used. */
    long renameAttraction(long commitTs, int direction) {
        long id = 2 + random.nextLong(attractions.size() - 1);
        String genre = GENRES[random.nextInt(GENRES.length)];
        return attractions.get(id).change(commitTs, direction, row -> with(row, "name", row.get("name") + " (revival)", "genre", genre));
    }

    /** Renames a venue other than the stable one, and moves it to another city. */
    long renameVenue(long commitTs, int direction) {
        long id = 2 + random.nextLong(venues.size() - 1);
        String city = CITIES[random.nextInt(CITIES.length)];
        return venues.get(id).change(commitTs, direction, row -> with(row, "name", row.get("name") + " Hall", "city", city));
    }

    /** Renames the venue or the attraction of {@code performanceId}, if they are not the stable ones. */
    void renameDimensionOf(long performanceId, long commitTs, int direction) {
        Map<String, Object> row = performances.get(performanceId).versions().get(0).after();
        long attraction = (Long) row.get("attraction_id");
        long venue = (Long) row.get("venue_id");
        if (random.nextBoolean() && attraction != STABLE_ATTRACTION) {
            attractions.get(attraction).change(commitTs, direction, r -> with(r, "name", r.get("name") + "!"));
        } else if (venue != STABLE_VENUE) {
            venues.get(venue).change(commitTs, direction, r -> with(r, "name", r.get("name") + " Arena"));
        }
    }

    /** Moves the performance to another evening (starts_at is part of what a fact carries). */
    void reschedule(long performanceId, long commitTs) {
        String startsAt = iso(season.plus(40, ChronoUnit.DAYS).plus(20, ChronoUnit.HOURS));
        performances.get(performanceId).change(commitTs, +1, row -> with(row, "starts_at", startsAt));
    }

    void changeStatus(long performanceId, long commitTs, String status) {
        performances.get(performanceId).change(commitTs, +1, row -> with(row, "status", status));
    }

    /**
     * Within a few milliseconds at {@code at}: performances created, some re-timed, some deleted (with their
     * tombstones): a burst the Performance topic must end right for, every deleted one with a tombstone.
     */
    void burst(long at, int size) {
        for (int i = 0; i < size; i++) {
            long id = FIRST_BURST_PERFORMANCE + performances.keySet().stream().filter(p -> p >= FIRST_BURST_PERFORMANCE).count();
            long attraction = 1 + random.nextLong(attractions.size());
            long venue = 1 + random.nextLong(venues.size());
            PlannedRow row = new PlannedRow(at + i, performance(id, attraction, venue, i));
            performances.put(id, row);
            if (i % 2 == 0) {
                row.change(at + size + i, +1, r -> with(r, "status", "SOLD_OUT", "starts_at", iso(season.plus(3, ChronoUnit.DAYS))));
            }
            if (i % 3 != 1) {
                row.delete(at + 2L * size + i);
            }
        }
    }

    /** Creates {@link #LATE_PERFORMANCE} at {@code commitTs}, on the stable attraction and venue. */
    void createLate(long commitTs) {
        performances.put(LATE_PERFORMANCE, new PlannedRow(commitTs, performance(LATE_PERFORMANCE, STABLE_ATTRACTION, STABLE_VENUE, 7)));
    }

    void emit(Timeline timeline) {
        emit(timeline, "attractions", "attraction_id", attractions, id -> keyOnly("attraction_id", id, "name", ""));
        emit(timeline, "venues", "venue_id", venues, id -> keyOnly("venue_id", id, "name", ""));
        emit(timeline, "performances", "performance_id", performances,
                id -> keyOnly("performance_id", id, "attraction_id", 0L, "venue_id", 0L, "starts_at", null, "on_sale_at", null, "status", ""));
    }

    private void emit(Timeline timeline, String table, String keyField, Map<Long, PlannedRow> rows,
                      java.util.function.LongFunction<Map<String, Object>> deleteImage) {
        rows.forEach((id, row) -> {
            for (PlannedRow.Version version : row.versions()) {
                long commitTs = version.commitTs();
                long tx = timeline.newTransaction();
                timeline.add(SourceDb.AURORA, commitTs, tx, null, envelopes -> switch (version.op()) {
                    case CREATE -> List.of(envelopes.aurora.create(table, keyField, id, version.after(), commitTs));
                    case UPDATE -> List.of(envelopes.aurora.update(table, keyField, id, version.after(), commitTs));
                    case DELETE -> envelopes.aurora.delete(table, keyField, id, deleteImage.apply(id), commitTs);
                });
            }
        });
    }

    private Map<String, Object> attraction(long id, String name) {
        return row("attraction_id", id, "name", name, "genre", GENRES[(int) (id % GENRES.length)], "promoter", "Promoter " + (id % 3));
    }

    private Map<String, Object> venue(long id, String name, String city) {
        return row("venue_id", id, "name", name, "city", city, "country", city.equals("Paris") || city.equals("Lyon") ? "FR" : "GB",
                "timezone", "Europe/London", "capacity", (int) (500 + id * 250));
    }

    private Map<String, Object> performance(long id, long attraction, long venue, int day) {
        return row("performance_id", id, "attraction_id", attraction, "venue_id", venue,
                "starts_at", iso(season.plus(day, ChronoUnit.DAYS).plus(19, ChronoUnit.HOURS)),
                "on_sale_at", random.nextInt(5) == 0 ? null : iso(season.minus(30, ChronoUnit.DAYS)),
                "status", "ON_SALE");
    }

    /** As pgoutput renders timestamptz: ISO-8601 in UTC with microseconds. */
    private static String iso(Instant instant) {
        return instant.toString().replace("Z", ".000000Z");
    }

    private static Map<String, Object> keyOnly(Object... keyValues) {
        return row(keyValues);
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    static Map<String, Object> with(Map<String, Object> row, Object... keyValues) {
        Map<String, Object> changed = PlannedRow.copy(row);
        changed.putAll(row(keyValues));
        return changed;
    }
}
