package io.ticketstream.braze.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a {@code POST /users/track} body against Braze's documented rules: whole-request
 * problems (not JSON, arrays of the wrong type, too many objects) are fatal 400s; problems of one
 * object become entries of the {@code errors} array and only that object is skipped.
 */
final class TrackRequestValidator {

    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper mapper;
    private final int maxObjects;
    private final ObjectCapMode capMode;
    private final boolean rejectEmpty;

    TrackRequestValidator(ObjectMapper mapper, int maxObjects, ObjectCapMode capMode, boolean rejectEmpty) {
        this.mapper = mapper;
        this.maxObjects = maxObjects;
        this.capMode = capMode;
        this.rejectEmpty = rejectEmpty;
    }

    ParsedRequest validate(JsonNode root, FaultPlan faults) throws RequestRejected {
        if (root == null || !root.isObject()) {
            throw new RequestRejected(400, "request body must be a JSON object with 'attributes', 'events' and/or 'purchases'");
        }
        ArrayNode attributes = array(root, "attributes");
        ArrayNode events = array(root, "events");
        ArrayNode purchases = array(root, "purchases");
        int a = size(attributes);
        int e = size(events);
        int p = size(purchases);
        checkCap(a, e, p);
        if (rejectEmpty && a + e + p == 0) {
            throw new RequestRejected(400, "request has no attributes, events or purchases");
        }

        ParsedRequest parsed = new ParsedRequest();
        parsed.objectCount = a + e + p;
        String marker = faults.objectErrorMarker().orElse(null);
        // Braze applies attributes, then events, then purchases: items are collected in that order.
        int[] processed = new int[3];
        processed[0] = collect(attributes, ObjectType.ATTRIBUTES, "attributes", parsed, marker, faults);
        processed[1] = collect(events, ObjectType.EVENT, "events", parsed, marker, faults);
        processed[2] = collect(purchases, ObjectType.PURCHASE, "purchases", parsed, marker, faults);

        ObjectNode body = mapper.createObjectNode();
        body.put("message", "success");
        body.put("attributes_processed", processed[0]);
        body.put("events_processed", processed[1]);
        body.put("purchases_processed", processed[2]);
        if (!parsed.errors.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            for (ParsedRequest.ObjectError err : parsed.errors) {
                errors.addObject().put("type", err.type()).put("input_array", err.inputArray()).put("index", err.index());
            }
        }
        parsed.successBody = body;
        return parsed;
    }

    private void checkCap(int a, int e, int p) throws RequestRejected {
        if (capMode == ObjectCapMode.COMBINED) {
            int total = a + e + p;
            if (total > maxObjects) {
                throw new RequestRejected(400, "too many objects: " + total + " in one request (attributes " + a
                        + ", events " + e + ", purchases " + p + "); the limit is " + maxObjects
                        + " across attributes, events and purchases combined");
            }
        } else {
            checkArrayCap("attributes", a);
            checkArrayCap("events", e);
            checkArrayCap("purchases", p);
        }
    }

    private void checkArrayCap(String name, int n) throws RequestRejected {
        if (n > maxObjects) {
            throw new RequestRejected(400, "too many objects: " + n + " in '" + name + "'; the limit is "
                    + maxObjects + " per array");
        }
    }

    private static ArrayNode array(JsonNode root, String field) throws RequestRejected {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new RequestRejected(400, "'" + field + "' must be an array, was " + node.getNodeType().name().toLowerCase());
        }
        return (ArrayNode) node;
    }

    private static int size(ArrayNode array) {
        return array == null ? 0 : array.size();
    }

    private int collect(ArrayNode array, ObjectType type, String arrayName, ParsedRequest parsed, String marker,
                        FaultPlan faults) {
        if (array == null) {
            return 0;
        }
        int ok = 0;
        for (int i = 0; i < array.size(); i++) {
            JsonNode object = array.get(i);
            try {
                if (!object.isObject()) {
                    throw new ObjectRejected("object must be a JSON object, was " + object.getNodeType().name().toLowerCase());
                }
                UserId user = Identifiers.resolve(object, type == ObjectType.ATTRIBUTES);
                parsed.users.add(user);
                checkFields(object, type);
                if (marker != null && matchesMarker(object, user, marker)) {
                    throw new ObjectRejected(faults.objectErrorType());
                }
                parsed.items.add(new ParsedRequest.Item(type, i, user, object));
                ok++;
            } catch (ObjectRejected rejected) {
                parsed.errors.add(new ParsedRequest.ObjectError(rejected.getMessage(), arrayName, i));
            }
        }
        return ok;
    }

    private static void checkFields(JsonNode object, ObjectType type) throws ObjectRejected {
        switch (type) {
            case ATTRIBUTES -> {
                JsonNode existingOnly = object.get("_update_existing_only");
                if (existingOnly != null && !existingOnly.isNull() && !existingOnly.isBoolean()) {
                    throw new ObjectRejected("'_update_existing_only' must be a boolean");
                }
            }
            case EVENT -> {
                requireText(object, "name");
                requireTime(object);
                optionalObject(object, "properties");
            }
            case PURCHASE -> {
                requireText(object, "product_id");
                String currency = requireText(object, "currency");
                if (!ISO_4217.contains(currency)) {
                    throw new ObjectRejected("'currency' must be an ISO-4217 code of three upper-case letters, was '"
                            + abbreviate(currency) + "'");
                }
                JsonNode price = object.get("price");
                if (price == null || price.isNull()) {
                    throw new ObjectRejected("'price' is required");
                }
                if (!price.isNumber()) {
                    throw new ObjectRejected("'price' must be a number, was " + price.getNodeType().name().toLowerCase());
                }
                JsonNode quantity = object.get("quantity");
                if (quantity != null && !quantity.isNull() && !quantity.canConvertToExactIntegral()) {
                    throw new ObjectRejected("'quantity' must be an integer, was " + quantity);
                }
                requireTime(object);
                optionalObject(object, "properties");
            }
            default -> throw new IllegalStateException("not a /users/track type: " + type);
        }
    }

    private static String requireText(JsonNode object, String field) throws ObjectRejected {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new ObjectRejected("'" + field + "' is required");
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new ObjectRejected("'" + field + "' must be a non-empty string, was " + abbreviate(node.toString()));
        }
        return node.asText();
    }

    private static void requireTime(JsonNode object) throws ObjectRejected {
        String time = requireText(object, "time");
        if (!IsoTimes.isValid(time)) {
            throw new ObjectRejected("'time' must be an ISO-8601 date-time, was '" + abbreviate(time) + "'");
        }
    }

    private static void optionalObject(JsonNode object, String field) throws ObjectRejected {
        JsonNode node = object.get(field);
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new ObjectRejected("'" + field + "' must be an object, was " + node.getNodeType().name().toLowerCase());
        }
    }

    private static boolean matchesMarker(JsonNode object, UserId user, String marker) {
        if (user.value().contains(marker) || (user.aliasLabel() != null && user.aliasLabel().contains(marker))) {
            return true;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals(marker)
                    || (field.getValue().isTextual() && field.getValue().asText().contains(marker))) {
                return true;
            }
        }
        return false;
    }

    /** Errors echo the offending value (not identifiers), cut short so a huge value cannot bloat the response. */
    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
