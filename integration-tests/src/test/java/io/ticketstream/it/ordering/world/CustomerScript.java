package io.ticketstream.it.ordering.world;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The MongoDB {@code crm.customers} documents: created before the check-outs start, then changed (e-mail, city,
 * loyalty tier) at chosen times — some just before a sale, some just after — and a few deleted. MongoDB writes
 * single documents outside multi-document transactions, so these events carry no transaction metadata.
 */
final class CustomerScript {

    /** One customer: its business key, its document's ObjectId and its planned versions. */
    record Customer(String ref, String objectId, PlannedRow document) {
    }

    private static final String[] CITIES = {"London", "Leeds", "Paris", "Bristol", "Cork", "Lille"};
    private static final String[] TIERS = {"BRONZE", "SILVER", "GOLD", "PLATINUM"};
    private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Tim", "Frances"};

    private final SplittableRandom random;
    private final String idPrefix;
    private final List<Customer> customers = new ArrayList<>();

    CustomerScript(SplittableRandom random, long seed) {
        this.random = random;
        this.idPrefix = String.format("%08x", (int) (seed ^ (seed >>> 32)));
    }

    /** {@code count} customers created one every 5 ms from {@code from}. */
    void create(long from, int count) {
        for (int i = 0; i < count; i++) {
            customers.add(newCustomer(i + 1, from + i * 5L));
        }
    }

    /** A customer whose document is created only at {@code commitTs} (after a sale of theirs: clocks disagree). */
    Customer createLate(long commitTs) {
        Customer late = newCustomer(customers.size() + 1, commitTs);
        customers.add(late);
        return late;
    }

    List<Customer> all() {
        return customers;
    }

    /** A random customer whose document exists at {@code at} and is not deleted later (late ones excluded). */
    Customer pickLiving(long at) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Customer c = customers.get(random.nextInt(customers.size()));
            if (c.document().createdAt() < at && !c.document().deleted()) {
                return c;
            }
        }
        throw new IllegalStateException("no living customer at " + at);
    }

    /** Changes e-mail, city and/or loyalty tier at about {@code commitTs} ({@code direction} on a clash). */
    long change(Customer customer, long commitTs, int direction) {
        int what = random.nextInt(3);
        String city = CITIES[random.nextInt(CITIES.length)];
        String tier = TIERS[random.nextInt(TIERS.length)];
        long[] at = new long[1];
        at[0] = customer.document().change(commitTs, direction, doc -> {
            Map<String, Object> changed = PlannedRow.copy(doc);
            switch (what) {
                case 0 -> changed.put("email", customer.ref().toLowerCase() + "+" + at[0] % 10_000 + "@example.org");
                case 1 -> changed.put("city", city);
                default -> PlannedRow.cast((Map<?, ?>) changed.get("loyalty")).put("tier", tier);
            }
            changed.put("updated_at", date(at[0]));
            return changed;
        });
        return at[0];
    }

    long delete(Customer customer, long commitTs) {
        return customer.document().delete(commitTs);
    }

    void emit(Timeline timeline) {
        for (Customer customer : customers) {
            for (PlannedRow.Version version : customer.document().versions()) {
                long commitTs = version.commitTs();
                timeline.single(SourceDb.MONGODB, commitTs, null, envelopes -> switch (version.op()) {
                    case CREATE -> List.of(envelopes.mongo.upsert(customer.objectId(), document(version.after()), null, commitTs));
                    case UPDATE -> List.of(envelopes.mongo.upsert(customer.objectId(), document(version.after()),
                            updatedFields(version.before(), version.after()), commitTs));
                    case DELETE -> envelopes.mongo.delete(customer.objectId(), commitTs);
                });
            }
        }
    }

    private Customer newCustomer(int number, long commitTs) {
        String ref = String.format("C-%06d", number);
        String objectId = idPrefix + String.format("%016x", number);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", Map.of("$oid", objectId));
        doc.put("customer_ref", ref);
        doc.put("email", ref.toLowerCase() + "@example.org");
        doc.put("phone", "+4477009" + String.format("%05d", number));
        doc.put("first_name", FIRST_NAMES[number % FIRST_NAMES.length]);
        doc.put("last_name", "Tester" + number);
        doc.put("date_of_birth", Map.of("$date", LocalDate.of(1970 + number % 40, 1 + number % 12, 1 + number % 28)
                .atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()));
        doc.put("country", number % 3 == 0 ? "FR" : "GB");
        doc.put("city", CITIES[number % CITIES.length]);
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("email_opt_in", number % 2 == 0);
        preferences.put("sms_opt_in", number % 5 == 0);
        preferences.put("favourite_genres", List.of(number % 2 == 0 ? "opera" : "rock"));
        doc.put("preferences", preferences);
        Map<String, Object> loyalty = new LinkedHashMap<>();
        loyalty.put("tier", TIERS[number % TIERS.length]);
        loyalty.put("points", Map.of("$numberLong", Long.toString(number * 10L)));
        doc.put("loyalty", loyalty);
        doc.put("created_at", date(commitTs));
        doc.put("updated_at", date(commitTs));
        return new Customer(ref, objectId, new PlannedRow(commitTs, doc));
    }

    private static Map<String, Object> date(long millis) {
        return Map.of("$date", millis);
    }

    private static ObjectNode document(Map<String, Object> doc) {
        return SourceEnvelopes.JSON.valueToTree(doc);
    }

    /** MongoDB's updateDescription.updatedFields: the changed fields by dotted path. */
    static Map<String, Object> updatedFields(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> flatBefore = flatten("", before, new LinkedHashMap<>());
        Map<String, Object> flatAfter = flatten("", after, new LinkedHashMap<>());
        Map<String, Object> changed = new LinkedHashMap<>();
        flatAfter.forEach((path, value) -> {
            if (!Objects.equals(flatBefore.get(path), value)) {
                changed.put(path, value);
            }
        });
        return changed;
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> doc, Map<String, Object> into) {
        doc.forEach((key, value) -> {
            // Extended JSON wrappers ($date, $numberLong...) are values, not nested documents
            boolean wrapper = value instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k.toString().startsWith("$"));
            if (value instanceof Map<?, ?> nested && !wrapper) {
                flatten(prefix + key + ".", PlannedRow.cast(nested), into);
            } else {
                into.put(prefix + key, value);
            }
        });
        return into;
    }
}
