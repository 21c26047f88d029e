package io.ticketstream.it.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.standin.cdc.MongoEnvelopes;
import io.ticketstream.standin.cdc.RawEvent;
import io.ticketstream.standin.cdc.SqlServerEnvelopes;

/**
 * STAND-INS for the SQL Server (ticketing) and MongoDB (crm) connectors, which cannot run here: their change events,
 * in Debezium 3.6's documented formats (test-support's {@code cdc} package), written to the raw topics those
 * connectors would write. Each call is one committed source transaction; its commit time ({@code source.ts_ms}) is
 * the time the call is made, and every event is acknowledged by the broker before the call returns.
 */
final class StandInSources implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(json, "sqlserver");
    private final MongoEnvelopes mongo = new MongoEnvelopes(json, "mongo");
    private final KafkaProducer<String, String> producer;
    private long nextTicketId = 50_000;
    private long nextPaymentId = 70_000;

    StandInSources(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** A customer's MongoDB document, as the CRM writes it (Extended JSON for dates and longs). */
    ObjectNode customerDocument(String customerRef, String email, String city, boolean emailOptIn, boolean smsOptIn,
                                String loyaltyTier) {
        ObjectNode document = json.createObjectNode();
        document.put("customer_ref", customerRef);
        document.put("email", email);
        document.put("phone", "+447700900123");
        document.put("first_name", "Ada");
        document.put("last_name", "Lovelace");
        document.putObject("date_of_birth").put("$date", LocalDate.of(1990, 12, 10).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        document.put("country", "GB");
        document.put("city", city);
        ObjectNode preferences = document.putObject("preferences");
        preferences.put("email_opt_in", emailOptIn).put("sms_opt_in", smsOptIn);
        preferences.putArray("favourite_genres").add("opera");
        ObjectNode loyalty = document.putObject("loyalty");
        loyalty.put("tier", loyaltyTier).putObject("points").put("$numberLong", "120");
        return document;
    }

    /** Inserts the document; returns the commit time. */
    long insertCustomer(String objectId, ObjectNode document) {
        long now = now();
        document.putObject("created_at").put("$date", now);
        document.putObject("updated_at").put("$date", now);
        send(mongo.upsert(objectId, document, null, now));
        return now;
    }

    /**
     * Sets {@code fields} (dotted paths, as MongoDB's updateDescription names them) on the document and writes the
     * update event (full document in {@code after}, the changed fields in {@code updatedFields}); returns the commit time.
     */
    long updateCustomer(String objectId, ObjectNode document, Map<String, Object> fields) {
        long now = now();
        Map<String, Object> updated = new LinkedHashMap<>(fields);
        fields.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            ObjectNode parent = document;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (ObjectNode) parent.get(parts[i]);
            }
            parent.set(parts[parts.length - 1], json.valueToTree(value));
        });
        document.putObject("updated_at").put("$date", now);
        updated.put("updated_at", Map.of("$date", now));
        send(mongo.upsert(objectId, document, updated, now));
        return now;
    }

    long deleteCustomer(String objectId) {
        long now = now();
        mongo.delete(objectId, now).forEach(this::send);
        return now;
    }

    /**
     * One check-out in the ticketing database: the order (PENDING) with its tickets, an authorised payment, its
     * capture, and the order becoming PAID, each its own transaction as the box office application commits them.
     *
     * @return the PAID order row, for a later refund; its {@code updated_at} is the commit time of the sale
     */
    Map<String, Object> checkout(long orderId, String customerRef, long performanceId, List<BigDecimal> ticketPrices,
                                 String channel) {
        long now = now();
        BigDecimal total = ticketPrices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", orderId);
        order.put("customer_ref", customerRef);
        order.put("performance_id", performanceId);
        order.put("status", "PENDING");
        order.put("channel", channel);
        order.put("currency", "GBP");
        order.put("total_amount", total.toPlainString());
        order.put("created_at", now);
        order.put("updated_at", now);
        send(sqlServer.create("orders", order, now));
        int seat = 1;
        for (BigDecimal price : ticketPrices) {
            long ticketId = nextTicketId++;
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("ticket_id", ticketId);
            ticket.put("order_id", orderId);
            ticket.put("performance_id", performanceId);
            ticket.put("section", "STALLS");
            ticket.put("row_label", "F");
            ticket.put("seat_number", seat++);
            ticket.put("price_type", "ADULT");
            ticket.put("price", price.toPlainString());
            ticket.put("status", "ISSUED");
            send(sqlServer.create("tickets", ticket, now()));
        }
        long paymentId = nextPaymentId++;
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("payment_id", paymentId);
        payment.put("order_id", orderId);
        payment.put("amount", total.toPlainString());
        payment.put("method", "CARD");
        payment.put("status", "AUTHORISED");
        payment.put("processed_at", now());
        send(sqlServer.create("payments", payment, (Long) payment.get("processed_at")));
        Map<String, Object> captured = new LinkedHashMap<>(payment);
        captured.put("status", "CAPTURED");
        captured.put("processed_at", now());
        send(sqlServer.update("payments", payment, captured, (Long) captured.get("processed_at")));
        Map<String, Object> paid = new LinkedHashMap<>(order);
        long paidAt = now();
        paid.put("status", "PAID");
        paid.put("updated_at", paidAt);
        send(sqlServer.update("orders", order, paid, paidAt));
        return paid;
    }

    /** An order placed and never paid (PENDING, no tickets yet); returns its row, for a later delete. */
    Map<String, Object> placeOrder(long orderId, String customerRef, long performanceId) {
        long now = now();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", orderId);
        order.put("customer_ref", customerRef);
        order.put("performance_id", performanceId);
        order.put("status", "PENDING");
        order.put("channel", "BOX_OFFICE");
        order.put("currency", "GBP");
        order.put("total_amount", "0.00");
        order.put("created_at", now);
        order.put("updated_at", now);
        send(sqlServer.create("orders", order, now));
        return order;
    }

    /** The row is deleted (an abandoned basket purged): the d event, then the tombstone; returns the commit time. */
    long deleteOrder(Map<String, Object> row) {
        long now = now();
        sqlServer.delete("orders", row, now).forEach(this::send);
        return now;
    }

    /** The order becomes REFUNDED; returns the commit time. */
    long refund(Map<String, Object> paid) {
        long now = now();
        Map<String, Object> refunded = new LinkedHashMap<>(paid);
        refunded.put("status", "REFUNDED");
        refunded.put("updated_at", now);
        send(sqlServer.update("orders", paid, refunded, now));
        return now;
    }

    private void send(RawEvent event) {
        try {
            producer.send(new ProducerRecord<>(event.topic(), event.key(), event.value())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + event.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + event.topic(), e.getCause());
        }
    }

    private static long now() {
        return Instant.now().toEpochMilli();
    }

    @Override
    public void close() {
        producer.close();
    }
}
