package io.ticketstream.warehouse.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.OrderStatus;
import io.ticketstream.schemas.SaleType;
import io.ticketstream.schemas.Ticket;
import io.ticketstream.schemas.TicketSale;
import io.ticketstream.schemas.TicketStatus;
import io.ticketstream.schemas.catalog.CanonicalTopics;
import io.ticketstream.schemas.serde.CanonicalSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The topic side of a reconciliation, computed from the canonical topics alone: reads {@code ticketing.ticket-sale.v1}
 * and {@code ticketing.order.v1} as the sinks do (read_committed), each partition up to the warehouse's watermark,
 * with a consumer that joins no group and commits nothing.
 *
 * <p>Limit: on a compacted topic an older version of an order may be gone from Kafka while the warehouse holds it;
 * the latest version of every key below the watermark is always kept, which is what these figures use.
 */
public final class CanonicalTopicFigures {

    private final Map<String, Object> consumerSettings;
    private final Duration timeout;

    public CanonicalTopicFigures(Map<String, Object> consumerSettings, Duration timeout) {
        this.consumerSettings = Map.copyOf(consumerSettings);
        this.timeout = timeout;
    }

    public TopicFigures compute(Watermark watermark) {
        Map<String, BigDecimal> net = new HashMap<>();
        Map<String, Long> perType = new HashMap<>();
        Set<String> seen = new HashSet<>();
        var saleValues = CanonicalSerdes.ticketSale().deserializer();
        for (ConsumerRecord<String, byte[]> record : read(CanonicalTopics.TICKET_SALE, watermark)) {
            if (record.value() == null) {
                continue;
            }
            TicketSale sale = saleValues.deserialize(record.topic(), record.value());
            if (!seen.add(sale.getSaleId())) {
                continue; // sale_id is the fact's identity: the warehouse keeps one row per sale_id too
            }
            BigDecimal signed = sale.getType() == SaleType.REVERSAL ? sale.getGrossAmount().negate() : sale.getGrossAmount();
            net.merge(sale.getCurrency(), signed, BigDecimal::add);
            perType.merge(sale.getType().toString(), 1L, Long::sum);
        }
        Map<String, Order> latest = new HashMap<>();
        var orderValues = CanonicalSerdes.order().deserializer();
        for (ConsumerRecord<String, byte[]> record : read(CanonicalTopics.ORDER, watermark)) {
            // in partition then offset order: a later record of a key replaces the earlier (null: deleted)
            latest.put(record.key(), record.value() == null ? null : orderValues.deserialize(record.topic(), record.value()));
        }
        long tickets = 0;
        for (Order order : latest.values()) {
            if (order != null && order.getStatus() == OrderStatus.PAID) {
                for (Ticket ticket : order.getTickets()) {
                    if (ticket.getStatus() == TicketStatus.ISSUED) {
                        tickets++;
                    }
                }
            }
        }
        return new TopicFigures(net, perType, tickets);
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Watermark watermark) {
        Map<String, Object> props = new HashMap<>(consumerSettings);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ticketstream-warehouse-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        List<ConsumerRecord<String, byte[]>> out = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .filter(tp -> watermark.maxOffset(tp) >= 0).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Set<TopicPartition> open = new HashSet<>(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!open.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("reading " + topic + " up to the warehouse watermark took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() <= watermark.maxOffset(new TopicPartition(record.topic(), record.partition()))) {
                        out.add(record);
                    }
                }
                open.removeIf(tp -> consumer.position(tp) > watermark.maxOffset(tp) || consumer.position(tp) >= ends.get(tp));
            }
        }
        out.sort(java.util.Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition()).thenComparingLong(ConsumerRecord::offset));
        return out;
    }
}
