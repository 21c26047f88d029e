package io.ticketstream.connect.braze.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.braze.contract.BrazeType;
import io.ticketstream.braze.contract.BrazeValues;
import io.ticketstream.braze.contract.ContractViolation;
import io.ticketstream.connect.braze.http.Json;

/**
 * Turns a record value into the {@link BrazeObject} it describes, or throws {@link BadRecordException} naming
 * the field. The shapes are the README's "Input contract". Messages never quote identifier values (personal
 * data); other offending values are quoted so the record can be fixed.
 */
public final class BrazeObjectParser {

    private static final String TYPE_FIELD = BrazeContract.TYPE;
    private static final String UNSET_FIELD = BrazeContract.UNSET;
    /** Precedence when several are present: the first is the identifier (for attributes the rest are attributes). */
    private static final List<String> IDENTIFIERS = BrazeContract.IDENTIFIERS;

    private final int maxObjectBytes;

    public BrazeObjectParser(int maxObjectBytes) {
        this.maxObjectBytes = maxObjectBytes;
    }

    /** Parses a record value; null values are the caller's business (tombstones are skipped). */
    public BrazeObject parse(Object value, Schema schema) {
        if (!(value instanceof Struct) && !(value instanceof Map)) {
            throw new BadRecordException("(value)", "must be a Struct or a Map, was "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        JsonNode converted = ConnectJson.toJson(value, schema, "");
        ObjectNode fields = (ObjectNode) converted;
        JsonNode typeNode = fields.remove(TYPE_FIELD);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new BadRecordException(TYPE_FIELD, "missing or not a string; expected attributes|event|purchase|subscription");
        }
        BrazeType type = BrazeType.fromWireName(typeNode.asText());
        if (type == null) {
            throw new BadRecordException(TYPE_FIELD, "unknown value '" + typeNode.asText()
                    + "'; expected attributes|event|purchase|subscription");
        }
        return switch (type) {
            case ATTRIBUTES -> attributes(fields);
            case EVENT -> event(fields);
            case PURCHASE -> purchase(fields);
            case SUBSCRIPTION -> subscription(fields);
            case USER_DELETE -> throw new BadRecordException(TYPE_FIELD, "user_delete is not a record shape: a "
                    + "tombstone deletes its key's user when braze.tombstone.handling=delete");
        };
    }

    private BrazeObject attributes(ObjectNode fields) {
        Identified id = identify(fields, IDENTIFIERS, true);
        JsonNode unset = fields.remove(UNSET_FIELD);
        if (unset != null && !unset.isNull()) {
            if (!unset.isArray()) {
                throw new BadRecordException(UNSET_FIELD, "must be an array of attribute names");
            }
            for (JsonNode name : unset) {
                if (!name.isTextual() || IDENTIFIERS.contains(name.asText())) {
                    throw new BadRecordException(UNSET_FIELD, "entries must be attribute names, got '" + name + "'");
                }
                id.body.putNull(name.asText());
            }
        }
        JsonNode updateExisting = fields.get("_update_existing_only");
        if (updateExisting != null && !updateExisting.isBoolean()) {
            throw new BadRecordException("_update_existing_only", "must be a boolean, was '" + updateExisting + "'");
        }
        fields.fields().forEachRemaining(e -> id.body.set(e.getKey(), e.getValue()));
        if (id.body.size() == 1) {
            throw new BadRecordException("(attributes)", "no attribute to update besides the identifier");
        }
        return finish(BrazeType.ATTRIBUTES, id, null);
    }

    private BrazeObject event(ObjectNode fields) {
        Identified id = identify(fields, IDENTIFIERS, false);
        rejectUnknown(fields, BrazeContract.EVENT_FIELDS, "event");
        id.body.set("name", requireText(fields, "name"));
        id.body.set("time", requireTime(fields));
        copyOptionalObject(fields, "properties", id.body);
        copyOptionalText(fields, "app_id", id.body);
        return finish(BrazeType.EVENT, id, null);
    }

    private BrazeObject purchase(ObjectNode fields) {
        Identified id = identify(fields, IDENTIFIERS, false);
        rejectUnknown(fields, BrazeContract.PURCHASE_FIELDS, "purchase");
        id.body.set("product_id", requireText(fields, "product_id"));
        JsonNode currency = requireText(fields, "currency");
        contract(() -> BrazeValues.checkCurrency("currency", currency.asText()));
        id.body.set("currency", currency);
        BigDecimal amount = price(fields.get("price"));
        contract(() -> BrazeValues.checkPrice("price", amount));
        id.body.set("price", ConnectJson.NODES.numberNode(amount));
        JsonNode quantity = fields.get("quantity");
        if (quantity != null && !quantity.isNull()) {
            if (!quantity.canConvertToLong() || !quantity.isIntegralNumber()) {
                throw new BadRecordException("quantity", "must be an integer from 1 to 100, was '" + quantity + "'");
            }
            int checked = contract(() -> BrazeValues.checkQuantity("quantity", quantity.asLong()));
            id.body.put("quantity", checked);
        }
        id.body.set("time", requireTime(fields));
        copyOptionalObject(fields, "properties", id.body);
        copyOptionalText(fields, "app_id", id.body);
        return finish(BrazeType.PURCHASE, id, null);
    }

    private BrazeObject subscription(ObjectNode fields) {
        Identified id = identify(fields, BrazeContract.SUBSCRIPTION_IDENTIFIERS, false);
        rejectUnknown(fields, BrazeContract.SUBSCRIPTION_FIELDS, "subscription");
        String group = requireText(fields, "subscription_group_id").asText();
        String state = requireText(fields, "subscription_state").asText();
        if (!state.equals("subscribed") && !state.equals("unsubscribed")) {
            throw new BadRecordException("subscription_state", "must be subscribed or unsubscribed, was '" + state + "'");
        }
        String idValue = id.body.get(id.kind).asText();
        BrazeObject.SubscriptionChange change = new BrazeObject.SubscriptionChange(group, state, id.kind, idValue);
        return new BrazeObject(BrazeType.SUBSCRIPTION, id.user, null, idValue.length() + group.length() + 16, change);
    }

    private BrazeObject finish(BrazeType type, Identified id, BrazeObject.SubscriptionChange change) {
        id.body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("price")) { // the price has its own, stricter rule
                checkNumbers(e.getKey(), e.getValue());
            }
        });
        int bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(id.body).length;
        } catch (JsonProcessingException e) {
            throw new BadRecordException("(value)", "cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (bytes > maxObjectBytes) {
            throw new BadRecordException("(value)", "the " + type.wireName() + " object is " + bytes
                    + " bytes, more than braze.max.payload.bytes allows for a whole request");
        }
        return new BrazeObject(type, id.user, id.body, bytes, change);
    }

    private record Identified(UserKey user, String kind, ObjectNode body) {
    }

    /** Removes the identifier from {@code fields} and starts the body with it. */
    private static Identified identify(ObjectNode fields, List<String> allowed, boolean othersAreAttributes) {
        List<String> present = new ArrayList<>();
        for (String name : IDENTIFIERS) {
            JsonNode node = fields.get(name);
            if (node != null && !node.isNull()) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            throw new BadRecordException("(identifier)", "none of " + String.join("|", allowed) + " is present");
        }
        String kind = present.get(0);
        if (!allowed.contains(kind)) {
            throw new BadRecordException(kind, "not an allowed identifier here; use one of " + String.join("|", allowed));
        }
        if (!othersAreAttributes && present.size() > 1) {
            throw new BadRecordException(present.get(1), "a second identifier besides " + kind + "; give exactly one");
        }
        if (othersAreAttributes) {
            for (String other : present.subList(1, present.size())) {
                if (!other.equals("email") && !other.equals("phone")) {
                    throw new BadRecordException(other, "a second identifier besides " + kind + "; give exactly one");
                }
            }
        }
        JsonNode node = fields.remove(kind);
        String keyValue;
        if (kind.equals("user_alias")) {
            JsonNode name = node.get("alias_name");
            JsonNode label = node.get("alias_label");
            if (!node.isObject() || node.size() != 2 || name == null || !name.isTextual() || label == null
                    || !label.isTextual() || name.asText().isEmpty() || label.asText().isEmpty()) {
                throw new BadRecordException("user_alias", "must be exactly {alias_name: string, alias_label: string}");
            }
            keyValue = label.asText() + '\u0000' + name.asText();
        } else {
            if (!node.isTextual() || node.asText().isEmpty()) {
                throw new BadRecordException(kind, "must be a non-empty string");
            }
            keyValue = node.asText();
        }
        ObjectNode body = ConnectJson.NODES.objectNode();
        body.set(kind, node);
        return new Identified(new UserKey(kind, keyValue), kind, body);
    }

    private static void rejectUnknown(ObjectNode fields, Set<String> known, String shape) {
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRecordException(name, "not a field of a " + shape + " (allowed: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonNode requireText(ObjectNode fields, String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            throw new BadRecordException(name, "required");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new BadRecordException(name, "must be a non-empty string, was '" + node + "'");
        }
        return node;
    }

    private static JsonNode requireTime(ObjectNode fields) {
        JsonNode node = requireText(fields, "time");
        contract(() -> BrazeValues.checkTime("time", node.asText()));
        return node;
    }

    /** Runs a contract check; a violation becomes a bad record (dead-letter queue, with the field and reason). */
    private static <T> T contract(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ContractViolation e) {
            throw new BadRecordException(e.field(), e.getMessage().substring(e.getMessage().indexOf(':') + 2), e);
        }
    }

    /** Numbers anywhere in an attribute value or the properties must be ones Braze can hold. */
    private static void checkNumbers(String path, JsonNode node) {
        if (node.isNumber()) {
            contract(() -> {
                BrazeValues.checkNumber(path, node.decimalValue());
                return null;
            });
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> checkNumbers(path + "." + e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(path + "[" + i + "]", node.get(i));
            }
        }
    }

    private static BigDecimal price(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRecordException("price", "required");
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                throw new BadRecordException("price", "not a decimal number: '" + node.asText() + "'", e);
            }
        }
        throw new BadRecordException("price", "must be a Decimal, number or decimal string, was '" + node + "'");
    }

    private static void copyOptionalObject(ObjectNode fields, String name, ObjectNode body) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new BadRecordException(name, "must be a struct/map, was '" + node.getNodeType() + "'");
        }
        body.set(name, node);
    }

    private static void copyOptionalText(ObjectNode fields, String name, ObjectNode body) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return;
        }
        body.set(name, requireText(fields, name));
    }
}
