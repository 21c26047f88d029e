package io.ticketstream.schemas.catalog;

import java.util.Arrays;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import io.ticketstream.schemas.Customer;
import io.ticketstream.schemas.CustomerChange;
import io.ticketstream.schemas.Order;
import io.ticketstream.schemas.Performance;
import io.ticketstream.schemas.TicketSale;

/**
 * The entities of the canonical contract: each is one Avro record schema, one generated class, one topic
 * and one key field (keys travel as UTF-8 strings, see the README).
 */
public enum CanonicalEntity {
    CUSTOMER(Customer.class, Customer.getClassSchema(), CanonicalTopics.CUSTOMER, "customer_ref"),
    PERFORMANCE(Performance.class, Performance.getClassSchema(), CanonicalTopics.PERFORMANCE, "performance_id"),
    ORDER(Order.class, Order.getClassSchema(), CanonicalTopics.ORDER, "order_id"),
    TICKET_SALE(TicketSale.class, TicketSale.getClassSchema(), CanonicalTopics.TICKET_SALE, "order_id"),
    CUSTOMER_CHANGE(CustomerChange.class, CustomerChange.getClassSchema(), CanonicalTopics.CUSTOMER_CHANGE,
            "customer_ref");

    private final Class<? extends SpecificRecord> recordClass;
    private final Schema classSchema;
    private final String topic;
    private final String keyField;

    CanonicalEntity(Class<? extends SpecificRecord> recordClass, Schema classSchema, String topic, String keyField) {
        this.recordClass = recordClass;
        this.classSchema = classSchema;
        this.topic = topic;
        this.keyField = keyField;
    }

    /** The generated class, e.g. {@code io.ticketstream.schemas.Customer}. */
    public Class<? extends SpecificRecord> recordClass() {
        return recordClass;
    }

    /** The schema the generated class was built from (the current .avsc). */
    public Schema classSchema() {
        return classSchema;
    }

    /** The record's simple name, e.g. {@code Customer}; also the folder name of its published versions. */
    public String schemaName() {
        return classSchema.getName();
    }

    /** The record's full name, e.g. {@code io.ticketstream.schemas.Customer}. */
    public String fullName() {
        return classSchema.getFullName();
    }

    /** The canonical topic the entity is published on. */
    public String topic() {
        return topic;
    }

    /** The field whose value (as text) is the record key on the topic. */
    public String keyField() {
        return keyField;
    }

    public static Optional<CanonicalEntity> forTopic(String topic) {
        return Arrays.stream(values()).filter(e -> e.topic.equals(topic)).findFirst();
    }

    public static Optional<CanonicalEntity> forFullName(String fullName) {
        return Arrays.stream(values()).filter(e -> e.fullName().equals(fullName)).findFirst();
    }

    public static Optional<CanonicalEntity> forSchemaName(String schemaName) {
        return Arrays.stream(values()).filter(e -> e.schemaName().equals(schemaName)).findFirst();
    }

    public static CanonicalEntity forClass(Class<?> recordClass) {
        return Arrays.stream(values()).filter(e -> e.recordClass.equals(recordClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recordClass.getName()
                        + " is not a canonical entity; canonical entities are " + Arrays.toString(values())));
    }
}
