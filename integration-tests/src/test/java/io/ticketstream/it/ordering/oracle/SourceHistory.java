package io.ticketstream.it.ordering.oracle;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.it.ordering.world.Delivery;
import io.ticketstream.it.ordering.world.RawTopics;
import io.ticketstream.standin.cdc.RawEvent;

/**
 * The source databases' history as the raw topics tell it, read from the Debezium envelopes alone (op,
 * before/after, {@code source.ts_ms}): each row's versions by commit time, whatever order or how many times the
 * envelopes were delivered. Tombstones and transaction markers carry no row state and are skipped.
 */
final class SourceHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<Long, RowHistory> orders = new TreeMap<>();
    final Map<Long, RowHistory> tickets = new TreeMap<>();
    final Map<Long, RowHistory> payments = new TreeMap<>();
    final Map<Long, RowHistory> attractions = new TreeMap<>();
    final Map<Long, RowHistory> venues = new TreeMap<>();
    final Map<Long, RowHistory> performances = new TreeMap<>();
    /** MongoDB documents by customer_ref (a delete names only the ObjectId: mapped back through earlier versions). */
    final Map<String, RowHistory> customers = new TreeMap<>();
    private final Map<String, Table> tables = Map.of(RawTopics.ORDERS, new Table(orders, "order_id"),
            RawTopics.TICKETS, new Table(tickets, "ticket_id"), RawTopics.PAYMENTS, new Table(payments, "payment_id"),
            RawTopics.ATTRACTIONS, new Table(attractions, "attraction_id"), RawTopics.VENUES, new Table(venues, "venue_id"),
            RawTopics.PERFORMANCES, new Table(performances, "performance_id"));
    private final Map<String, String> refByObjectId = new LinkedHashMap<>();
    private Map<Long, Map<Long, RowHistory>> ticketsByOrder;
    private Map<Long, Map<Long, RowHistory>> paymentsByOrder;

    static SourceHistory of(Collection<Delivery> deliveries) {
        SourceHistory history = new SourceHistory();
        // Deletes of MongoDB documents need the ObjectId -> customer_ref of some earlier version: documents first.
        deliveries.stream().filter(d -> RawTopics.CUSTOMERS.equals(d.topic())).forEach(d -> history.mapObjectId(d.event()));
        deliveries.forEach(d -> history.add(d.event()));
        return history;
    }

    private void add(RawEvent event) {
        if (event.value() == null || !RawTopics.CHANGE_TOPICS.contains(event.topic())) {
            return;
        }
        JsonNode value = read(event.value());
        long commitTs = value.path("source").path("ts_ms").asLong();
        boolean delete = "d".equals(value.path("op").asText());
        if (RawTopics.CUSTOMERS.equals(event.topic())) {
            String ref = refByObjectId.get(objectId(event));
            history(customers, ref, "customer " + ref).add(commitTs, delete ? null : read(value.get("after").asText()));
            return;
        }
        JsonNode row = delete ? value.get("before") : value.get("after");
        Table table = tables.get(event.topic());
        long id = row.get(table.idField()).asLong();
        history(table.rows(), id, table.idField().replace("_id", "")).add(commitTs, delete ? null : row);
    }

    /** A relational source table: where its rows' histories go and which column is its primary key. */
    private record Table(Map<Long, RowHistory> rows, String idField) {
    }



    private void mapObjectId(RawEvent event) {
        if (event.value() == null) {
            return;
        }
        JsonNode after = read(event.value()).get("after");
        if (after != null && after.isTextual()) {
            refByObjectId.putIfAbsent(objectId(event), read(after.asText()).get("customer_ref").asText());
        }
    }

    /** Tickets of {@code orderId}, by ticket id (a ticket belongs to the order its rows name). */
    Map<Long, RowHistory> ticketsOf(long orderId) {
        if (ticketsByOrder == null) {
            ticketsByOrder = byOrder(tickets);
        }
        return ticketsByOrder.getOrDefault(orderId, Map.of());
    }

    Map<Long, RowHistory> paymentsOf(long orderId) {
        if (paymentsByOrder == null) {
            paymentsByOrder = byOrder(payments);
        }
        return paymentsByOrder.getOrDefault(orderId, Map.of());
    }

    Optional<RowHistory> customer(String ref) {
        return Optional.ofNullable(customers.get(ref));
    }

    private static Map<Long, Map<Long, RowHistory>> byOrder(Map<Long, RowHistory> rows) {
        Map<Long, Map<Long, RowHistory>> out = new TreeMap<>();
        rows.forEach((id, history) -> {
            for (RowHistory.Version version : history.inCommitOrder()) {
                if (!version.deleted()) {
                    out.computeIfAbsent(version.row().get("order_id").asLong(), o -> new TreeMap<>()).put(id, history);
                    return;
                }
            }
        });
        return out;
    }

    private static String objectId(RawEvent event) {
        return read(read(event.key()).get("id").asText()).get("$oid").asText();
    }

    private static <K> RowHistory history(Map<K, RowHistory> rows, K key, String what) {
        return rows.computeIfAbsent(key, k -> new RowHistory(what + " " + k));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
