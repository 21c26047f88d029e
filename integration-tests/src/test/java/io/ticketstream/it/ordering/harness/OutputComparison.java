package io.ticketstream.it.ordering.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import io.ticketstream.it.ordering.harness.OutputCollector.Output;
import io.ticketstream.it.ordering.oracle.Expected;
import io.ticketstream.it.ordering.oracle.ExpectedEntity;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.serde.CanonicalSerdes;

/**
 * Compares what the app published with the oracle, exactly: every fact once (by sale_id), all its fields, its key,
 * SALE before REVERSAL per key; the last record of every key of the Customer, Performance and Order topics (a deleted
 * row: a tombstone, or never emitted); nothing unexpected anywhere; an empty dead-letter topic.
 *
 * <p>One normalisation: an Order's tickets are compared sorted by ticket id (the schema does not fix their order).
 */
public final class OutputComparison {

    private OutputComparison() {
    }

    public static Differences compare(Expected expected, OutputCollector outputs) {
        Differences differences = new Differences();
        facts(expected.facts(), outputs.records(CanonicalTopics.TICKET_SALE), differences);
        entities("customer", expected.customers(), outputs.records(CanonicalTopics.CUSTOMER),
                CanonicalSerdes.customer().deserializer(), Function.identity(), differences);
        entities("performance", expected.performances(), outputs.records(CanonicalTopics.PERFORMANCE),
                CanonicalSerdes.performance().deserializer(), Function.identity(), differences);
        entities("order", expected.orders(), outputs.records(CanonicalTopics.ORDER),
                CanonicalSerdes.order().deserializer(), OutputComparison::ticketsById, differences);
        for (Output dead : outputs.records(CanonicalTopics.STREAMS_DLQ)) {
            differences.add("dlq: dead-lettered record", "dlq offset " + dead.offset(), "key " + dead.key() + ", value "
                    + (dead.value() == null ? "null" : new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return differences;
    }

    private static void facts(List<TicketSale> expected, List<Output> published, Differences differences) {
        Deserializer<TicketSale> serde = CanonicalSerdes.ticketSale().deserializer();
        Map<String, List<TicketSale>> actual = new LinkedHashMap<>();
        Map<String, List<Map.Entry<Output, TicketSale>>> byKey = new LinkedHashMap<>();
        for (Output output : published) {
            TicketSale fact;
            try {
                fact = output.value() == null ? null : serde.deserialize(output.topic(), output.value());
            } catch (RuntimeException e) {
                differences.add("facts: undecodable record", "ticket-sale offset " + output.offset(), e.toString());
                continue;
            }
            if (fact == null) {
                differences.add("facts: tombstone", "ticket-sale key " + output.key(), "a fact topic is append-only");
                continue;
            }
            actual.computeIfAbsent(fact.getSaleId(), k -> new ArrayList<>()).add(fact);
            byKey.computeIfAbsent(output.key(), k -> new ArrayList<>()).add(Map.entry(output, fact));
            if (!Long.toString(fact.getOrderId()).equals(output.key())) {
                differences.add("facts: key is not the order_id", fact.getSaleId(), "key " + output.key());
            }
        }
        Set<String> expectedIds = new TreeSet<>();
        for (TicketSale want : expected) {
            expectedIds.add(want.getSaleId());
            List<TicketSale> got = actual.get(want.getSaleId());
            if (got == null) {
                differences.add("facts: missing " + want.getType(), want.getSaleId(), "missing; expected " + want);
                continue;
            }
            if (got.size() > 1) {
                differences.add("facts: duplicated", want.getSaleId(), "published " + got.size() + " times");
            }
            for (RecordDiff.FieldDiff field : RecordDiff.of(want, got.get(0))) {
                differences.add("facts: wrong " + category(field.path()) + " (" + want.getType() + ")", want.getSaleId(), field.toString());
            }
        }
        actual.forEach((saleId, got) -> {
            if (!expectedIds.contains(saleId)) {
                differences.add("facts: unexpected", saleId, "not in the oracle: " + got.get(0));
            }
        });
        byKey.forEach((key, facts) -> perKeyOrder(key, facts, differences));
    }

    /** Per key, the facts in (partition, offset) order: one partition, and a REVERSAL never before its SALE. */
    private static void perKeyOrder(String key, List<Map.Entry<Output, TicketSale>> facts, Differences differences) {
        List<Integer> partitions = facts.stream().map(f -> f.getKey().partition()).distinct().toList();
        if (partitions.size() > 1) {
            differences.add("facts: one key in several partitions", "ticket-sale key " + key, "partitions " + partitions);
            return;
        }
        boolean saleSeen = false;
        for (Map.Entry<Output, TicketSale> fact : facts.stream().sorted(Comparator.comparingLong(f -> f.getKey().offset())).toList()) {
            Output output = fact.getKey();
            if (fact.getValue().getType() == SaleType.SALE) {
                saleSeen = true;
            } else if (!saleSeen) {
                differences.add("facts: REVERSAL before its SALE", key + "-REVERSAL", "at offset " + output.offset()
                        + " of partition " + output.partition() + ", before any SALE of key " + key);
            }
        }
    }

    private static <T extends SpecificRecord> void entities(String entity, Map<String, ExpectedEntity<T>> expected,
                                                            List<Output> published, Deserializer<T> serde,
                                                            Function<T, T> normalise, Differences differences) {
        Map<String, Output> last = new LinkedHashMap<>();
        Map<String, Integer> partitionOfKey = new LinkedHashMap<>();
        for (Output output : published) {
            Integer partition = partitionOfKey.putIfAbsent(output.key(), output.partition());
            if (partition != null && partition != output.partition()) {
                differences.add(entity + ": one key in several partitions", entity + " " + output.key(),
                        "partitions " + partition + " and " + output.partition());
            }
            last.put(output.key(), output);
        }
        expected.forEach((key, want) -> {
            Output got = last.get(key);
            String subject = entity + " " + key;
            if (want.deleted()) {
                if (got != null && got.value() != null) {
                    differences.add(entity + ": deleted but no tombstone last", subject, "last record is a value, not a tombstone");
                }
                return;
            }
            if (got == null) {
                differences.add(entity + ": missing", subject, "no record; expected " + want.value());
                return;
            }
            if (got.value() == null) {
                differences.add(entity + ": tombstone but exists", subject, "last record is a tombstone; expected " + want.value());
                return;
            }
            T actual;
            try {
                actual = normalise.apply(serde.deserialize(got.topic(), got.value()));
            } catch (RuntimeException e) {
                differences.add(entity + ": undecodable record", subject, e.toString());
                return;
            }
            for (RecordDiff.FieldDiff field : RecordDiff.of(want.value(), actual)) {
                differences.add(entity + ": wrong " + category(field.path()), subject, field.toString());
            }
        });
        last.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> differences.add(entity + ": unexpected key", entity + " " + key, "not in the source"));
    }

    /** A list's element index is dropped so that, say, every ticket status difference counts in one category. */
    private static String category(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    private static Order ticketsById(Order order) {
        List<Ticket> tickets = new ArrayList<>(order.getTickets());
        tickets.sort(Comparator.comparingLong(Ticket::getTicketId));
        return Order.newBuilder(order).setTickets(tickets).build();
    }
}
